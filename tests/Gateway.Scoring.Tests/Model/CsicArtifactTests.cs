using System.Text;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// What CSIC 2010 looks like (host localhost:8080, a JSESSIONID cookie, /tienda1 paths, Spanish field
/// names, one fixed header set) is not what the model may learn: the same payload sent to another
/// site, under other paths and English field names, must score the same.
/// </summary>
public sealed class CsicArtifactTests(BundledModel model) : IClassFixture<BundledModel>
{
    private const string Form = "application/x-www-form-urlencoded";

    [Theory]
    [InlineData("/tienda1/publico/anadir.jsp?id=2&nombre=Jam%F3n+Ib%E9rico&precio=85&cantidad=49&B1=A%F1adir+al+carrito",
                "/shop/cart/add?product=2&title=Jam%F3n+Ib%E9rico&price=85&quantity=49&submit=A%F1adir+al+carrito")]
    [InlineData("/tienda1/publico/anadir.jsp?id=2&nombre=Jam%F3n&precio=85&cantidad=%27%3B+DROP+TABLE+usuarios%3B--&B1=A%F1adir",
                "/api/v2/basket/items?sku=2&label=Jam%F3n&cost=85&count=%27%3B+DROP+TABLE+usuarios%3B--&action=A%F1adir")]
    [InlineData("http://localhost:8080/tienda1/publico/autenticar.jsp?modo=entrar&login=admin&pwd=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "https://accounts.example.com/signin?mode=entrar&user=admin&password=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Score_SamePayloadOnAnotherSite_IsTheSame(string csicTarget, string otherTarget)
    {
        var csic = await model.ScoreAsync(new RequestContent("GET", csicTarget, ReadOnlyMemory<byte>.Empty, null));
        var other = await model.ScoreAsync(new RequestContent("GET", otherTarget, ReadOnlyMemory<byte>.Empty, null));
        Assert.True(Math.Abs(csic - other) < 0.05, $"CSIC {csic:F4} vs other site {other:F4}");
    }

    [Fact]
    public async Task Score_SameFormBodyWithAndWithoutCsicCookieAndHost_IsIdentical()
    {
        // Headers are not inputs at all: only method-independent content is. A GET query and the same
        // pairs as a form body score the same, so CSIC's GET/POST mirrors teach nothing twice.
        var body = "modo=registro&login=jo&password=x%27+or+%271%27%3D%271";
        var post = await model.ScoreAsync(new RequestContent("POST", "/tienda1/publico/registro.jsp", Encoding.UTF8.GetBytes(body), Form));
        var get = await model.ScoreAsync(new RequestContent("GET", "/tienda1/publico/registro.jsp?" + body, ReadOnlyMemory<byte>.Empty, null));
        Assert.Equal(get, post);
    }
}
