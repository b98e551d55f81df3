using System.Net.Http.Headers;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Targets;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Engine;

/// <summary>
/// HTTP/1.1 keep-alive client for one loopback target. Targets are sent exactly as the scenario
/// wrote them (no dot-segment removal or re-escaping), so replayed attacks arrive as recorded.
/// </summary>
internal sealed class HttpRequestSender : IRequestSender, IDisposable
{
    private static readonly UriCreationOptions RawTarget = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpClient _client;
    private readonly string _base;

    /// <exception cref="LoadTestException">The target is not a loopback http address.</exception>
    public HttpRequestSender(string target, int maxConnections, TimeSpan timeout)
    {
        var problem = LoopbackTarget.Validate(target, out var uri);
        if (problem is not null)
        {
            throw new LoadTestException(problem);
        }
        _base = uri!.GetLeftPart(UriPartial.Authority);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectCallback = LoopbackTarget.ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = timeout };
    }

    public string BaseAddress => _base;

    public async Task<ResponseOutcome> SendAsync(LoadRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(MethodFor(request.Method), new Uri(_base + request.Target, RawTarget));
        if (request.Body is { } body)
        {
            var content = new ByteArrayContent(body);
            if (request.ContentType is { } contentType)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            message.Content = content;
        }
        if (request.ForwardedFor is { } client)
        {
            message.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
        }
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var header = FirstValue(response.Headers, DecisionHeaderParser.HeaderName);
            var decision = DecisionHeaderParser.Parse(header);
            var failOpen = DecisionHeaderParser.ParseFailOpen(header);
            var decisionTime = DecisionHeaderParser.ParseDecisionMicroseconds(FirstValue(response.Headers, DecisionHeaderParser.ServerTimingName));
            await response.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            return new ResponseOutcome((int)response.StatusCode, decision, decisionTime, failOpen);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ResponseOutcome.TransportError;
        }
    }

    public void Dispose() => _client.Dispose();

    private static HttpMethod MethodFor(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        _ => new HttpMethod(method),
    };

    private static string? FirstValue(HttpResponseHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out var values))
        {
            return null;
        }
        foreach (var value in values)
        {
            return value;
        }
        return null;
    }
}
