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
            ("Protection:Features:BreakDurationSeconds", "1"));
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);

        // Warm-up: the first requests may arrive while Redis is still connecting in the background.
        await SendBenign(gateway, 20);
        Assert.Contains("\"store\":{\"state\":\"redis\"", await Readiness(gateway));
        var beforeOutage = metrics.Total("protection.fail_open");
        await SendBenign(gateway, 20);
        Assert.Equal(beforeOutage, metrics.Total("protection.fail_open"));

        redis.Stop();
        await SendBenign(gateway, 40);
        Assert.True(metrics.Total("protection.fail_open") > beforeOutage, "fail-open events were not counted during the outage");
        Assert.Contains("\"store\":{\"state\":\"fallback\"", await Readiness(gateway));

        redis.Start();
        var deadline = Stopwatch.StartNew();
        string readiness;
        do
        {
            await SendBenign(gateway, 5);
            readiness = await Readiness(gateway);
        }
        while (!readiness.Contains("\"store\":{\"state\":\"redis\"") && deadline.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Contains("\"store\":{\"state\":\"redis\"", readiness);
    }

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
