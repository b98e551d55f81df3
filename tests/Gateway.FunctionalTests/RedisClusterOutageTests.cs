using System.Diagnostics.Metrics;
using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Telemetry;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests;

public sealed class RedisClusterOutageTests
{
    [Fact]
    public async Task ClusterMasterKilledMidRun_EveryRequestIsStillAnswered_FailOpenIsCounted_AndRedisIsUsedAgainAfterRestart()
    {
        using var cluster = new RedisCluster();
        await using var upstream = await TestUpstream.StartAsync();
        var settings = new List<(string, string)>
        {
            ("Protection:Features:BreakDurationSeconds", "1"),
            ("Protection:Features:ReadTimeoutMilliseconds", "2000"),
            ("Protection:Policies:default:RequestsPer10Seconds", "100000"),
            ("Protection:Policies:default:RequestsPerMinute", "100000"),
            ("Protection:Policies:default:RequestsPer10Minutes", "100000"),
            ("Protection:Policies:default:BudgetMilliseconds", "3000"),
        };
        settings.AddRange(cluster.Endpoints.Select((endpoint, i) => ($"Protection:Features:Redis:Endpoints:{i}", endpoint)));
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address, [.. settings]);
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);
        await WaitForStoreState(gateway, "redis");
        var beforeOutage = StoreFailOpen(metrics);

        cluster.StopNode(0);
        try
        {
            // Many client addresses, so that some live on the stopped master whichever it is.
            await SendBenign(gateway, 60);
            Assert.True(StoreFailOpen(metrics) > beforeOutage, "fail-open events were not counted during the outage");
        }
        finally
        {
            cluster.StartNode(0);
        }
        await WaitForStoreState(gateway, "redis");
    }

    private static async Task WaitForStoreState(GatewayInstance gateway, string state)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        string readiness;
        do
        {
            await SendBenign(gateway, 5);
            using var response = await gateway.Client.GetAsync("/readyz");
            readiness = await response.Content.ReadAsStringAsync();
        }
        while (!readiness.Contains($"\"store\":{{\"state\":\"{state}\"", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Contains($"\"store\":{{\"state\":\"{state}\"", readiness);
    }

    private static long StoreFailOpen(MetricRecorder metrics) =>
        metrics.Total("protection.fail_open", "cause=features.fallback")
        + metrics.Total("protection.fail_open", "cause=features.unavailable");

    private static async Task SendBenign(GatewayInstance gateway, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/search?q=tea&page={i}");
            request.Headers.Add("X-Forwarded-For", $"192.0.2.{i % 50}");
            using var response = await gateway.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
