using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests;

public sealed class SlowClientTests
{
    [Fact]
    public async Task BodyArrivingAfterTheBudget_IsScoredWithoutIt_AndStillReachesTheUpstreamIntact()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("Protection:DecisionHeader", "true"),
            ("Protection:Policies:default:BudgetMilliseconds", "50"));
        var body = Encoding.ASCII.GetBytes("note=" + new string('x', 3000));
        var uri = new Uri(gateway.Address);

        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        var head = "POST /echo-digest HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                   $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body.AsMemory(0, 100));
        await stream.FlushAsync();
        await Task.Delay(400); // well past the 50 ms budget
        await stream.WriteAsync(body.AsMemory(100));
        await stream.FlushAsync();

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200", response);
        Assert.Contains("late:body", response);
        Assert.EndsWith(Convert.ToHexString(SHA256.HashData(body)), response.TrimEnd());
    }
}
