using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Telemetry;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests;

public sealed class RedisOutageTests
{
    [Fact]
    public async Task RedisKilledMidRun_BenignTrafficStillPasses_FailOpenIsCounted_AndRedisIsUsedAgainAfterRestart()
    {
        using var redis = new RedisServer();
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("ConnectionStrings:Redis", redis.ConnectionString),
            ("Protection:Features:BreakDurationSeconds", "1"),
            // A dead Redis fails at once (connection refused); a long read timeout keeps a busy CI
            // machine's slow reads from opening the circuit before the outage this test causes.
            ("Protection:Features:ReadTimeoutMilliseconds", "2000"),
            // This test sends far more than a person would; rate limits are not what it is about.
            ("Protection:Policies:default:RequestsPer10Seconds", "100000"),
            ("Protection:Policies:default:RequestsPerMinute", "100000"),
            ("Protection:Policies:default:RequestsPer10Minutes", "100000"),
            ("Protection:Policies:default:BudgetMilliseconds", "2000"));
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);

        // Warm-up: the first requests may arrive while Redis is still connecting in the background.
        await SendBenign(gateway, 20);
        await WaitForStoreState(gateway, "redis");
        var beforeOutage = StoreFailOpen(metrics);
        await SendBenign(gateway, 20);
        Assert.Equal(beforeOutage, StoreFailOpen(metrics));

        redis.Stop();
        await SendBenign(gateway, 40);
        Assert.True(StoreFailOpen(metrics) > beforeOutage, "fail-open events were not counted during the outage");
        Assert.Contains("\"store\":{\"state\":\"fallback\"", await Readiness(gateway));

        redis.Start();
        await WaitForStoreState(gateway, "redis");
    }

    /// <summary>Sends benign traffic (the breaker probes Redis on reads) until readiness reports the state.</summary>
    private static async Task WaitForStoreState(GatewayInstance gateway, string state)
    {
        var deadline = Stopwatch.StartNew();
        string readiness;
        do
        {
            await SendBenign(gateway, 5);
            readiness = await Readiness(gateway);
        }
        while (!readiness.Contains($"\"store\":{{\"state\":\"{state}\"") && deadline.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Contains($"\"store\":{{\"state\":\"{state}\"", readiness);
    }

    /// <summary>Fail-open events caused by the feature store (other causes, such as a late model
    /// on a busy machine, are not what this test is about).</summary>
    private static long StoreFailOpen(MetricRecorder metrics) =>
        metrics.Total("protection.fail_open", "cause=features.fallback")
        + metrics.Total("protection.fail_open", "cause=features.unavailable");

    private static async Task SendBenign(GatewayInstance gateway, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await gateway.Client.GetAsync($"/search?q=tea&page={i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<string> Readiness(GatewayInstance gateway)
    {
        using var response = await gateway.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
