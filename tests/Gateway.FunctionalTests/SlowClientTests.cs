using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests;

/// <summary>A client whose body arrives after the budget: the content signal is late, so the
/// decision is made without it (fail-open) — or refused, under a fail-closed policy.</summary>
public sealed class SlowClientTests
{
    private static readonly byte[] Body = Encoding.ASCII.GetBytes("note=" + new string('x', 3000));

    [Fact]
    public async Task BodyArrivingAfterTheBudget_FailsOpen_IsCounted_AndStillReachesTheUpstreamIntact()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("Protection:DecisionHeader", "true"),
            ("Protection:Policies:default:BudgetMilliseconds", "50"));
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);

        var response = await SendWithSlowBody(gateway);

        Assert.StartsWith("HTTP/1.1 200", response);
        Assert.Contains("late:body", response);
        Assert.EndsWith(Convert.ToHexString(SHA256.HashData(Body)), response.TrimEnd());
        Assert.True(metrics.Total("protection.fail_open", "cause=content.late") >= 1);
        Assert.True(metrics.Total("protection.signal.timeouts", "signal=body") >= 1);
    }

    [Fact]
    public async Task BodyArrivingAfterTheBudget_UnderAFailClosedPolicy_IsBlocked()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("Protection:DecisionHeader", "true"),
            ("Protection:Policies:default:BudgetMilliseconds", "50"),
            ("Protection:Policies:default:FailureMode", "Closed"));

        var response = await SendWithSlowBody(gateway);

        Assert.StartsWith("HTTP/1.1 403", response);
        Assert.Contains("failclosed", response);
        Assert.Equal(0, upstream.Requests);
    }

    private static async Task<string> SendWithSlowBody(GatewayInstance gateway)
    {
        var uri = new Uri(gateway.Address);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        var head = "POST /echo-digest HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                   $"Content-Length: {Body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(Body.AsMemory(0, 100));
        await stream.FlushAsync();
        await Task.Delay(400); // well past the 50 ms budget
        await stream.WriteAsync(Body.AsMemory(100));
        await stream.FlushAsync();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync();
    }
}
