using System.Text;
using Gateway.LoadTests.Engine;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Engine;

public sealed class HttpRequestSenderTests
{
    [Theory]
    [InlineData("/tienda1/publico/../../etc/passwd")]
    [InlineData("/tienda1/miembros/editar.jsp?modo=registro&login=bob'%20OR%20'1'='1&B1=Registrar")]
    [InlineData("/search?q=%3Cscript%3Ealert(1)%3C/script%3E&x=a%2Fb")]
    [InlineData("/a//b/./c?y=1;2")]
    public async Task SendAsync_Target_ArrivesExactlyAsWritten(string target)
    {
        await using var server = await RecordingServer.StartAsync();
        using var sender = new HttpRequestSender(server.Address, 4, TimeSpan.FromSeconds(10));

        await sender.SendAsync(new LoadRequest(TrafficKind.Attack, "GET", target, null, null, null), CancellationToken.None);

        Assert.Equal(target, Assert.Single(server.Received).RawTarget);
    }

    [Fact]
    public async Task SendAsync_PostWithClient_SendsBodyContentTypeAndForwardedFor()
    {
        await using var server = await RecordingServer.StartAsync(decisionHeader: "challenge; score=0.6; reasons=behaviour", status: 429);
        using var sender = new HttpRequestSender(server.Address, 4, TimeSpan.FromSeconds(10));
        var body = Encoding.ASCII.GetBytes("username=user1%40example.com&password=123456");

        var outcome = await sender.SendAsync(
            new LoadRequest(TrafficKind.Stuffing, "POST", "/login", body, "application/x-www-form-urlencoded", "203.0.113.9"),
            CancellationToken.None);

        var received = Assert.Single(server.Received);
        Assert.Equal("POST", received.Method);
        Assert.Equal(body, received.Body);
        Assert.Equal("application/x-www-form-urlencoded", received.ContentType);
        Assert.Equal("203.0.113.9", received.ForwardedFor);
        Assert.Equal(new ResponseOutcome(429, DecisionOutcome.Challenge), outcome);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ReturnsTransportErrorInsteadOfThrowing()
    {
        var port = Gateway.LoadTests.SideBySide.FreePort.Next();
        using var sender = new HttpRequestSender($"http://127.0.0.1:{port}", 1, TimeSpan.FromSeconds(5));

        var outcome = await sender.SendAsync(new LoadRequest(TrafficKind.Benign, "GET", "/", null, null, null), CancellationToken.None);

        Assert.True(outcome.IsError);
    }

    [Theory]
    [InlineData("http://10.0.0.1:8080")]
    [InlineData("http://example.com")]
    [InlineData("https://127.0.0.1:8443")]
    public void Constructor_NonLoopbackTarget_IsRefused(string target) =>
        Assert.Throws<LoadTestException>(() => new HttpRequestSender(target, 1, TimeSpan.FromSeconds(1)));
}
