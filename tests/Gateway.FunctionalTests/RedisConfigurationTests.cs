using System.Diagnostics;
using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Configuration;
using Gateway.TestSupport;

namespace Gateway.FunctionalTests;

public sealed class RedisConfigurationTests
{
    [Fact]
    public async Task WrongRedisSettings_StopStartup_NamingEachKey()
    {
        var ex = await Assert.ThrowsAsync<ProtectionConfigurationException>(() => GatewayInstance.StartAsync("http://127.0.0.1:9",
            ("Protection:Features:Redis:Endpoints:0", "10.0.0.1:6379"),
            ("Protection:Features:Redis:Endpoints:1", "10.0.0.2:99999"),
            ("Protection:Features:Redis:Endpoints:2", "10.0.0.3:6379,password=hunter2"),
            ("ConnectionStrings:Redis", "10.0.0.9:6379")));

        Assert.Contains(ex.Errors, e => e.StartsWith("Protection:Features:Redis:Endpoints:1: ", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("Protection:Features:Redis:Endpoints:2: ", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("Protection:Features:Redis:Endpoints: ", StringComparison.Ordinal) && e.Contains("ConnectionStrings:Redis"));
        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [Fact]
    public async Task RedisGivenAsAPlainValue_StopsStartup_InsteadOfSilentlyRunningWithoutRedis()
    {
        var ex = await Assert.ThrowsAsync<ProtectionConfigurationException>(() => GatewayInstance.StartAsync("http://127.0.0.1:9",
            ("Protection:Features:Redis", "10.0.0.1:6379")));

        Assert.Contains(ex.Errors, e => e.StartsWith("Protection:Features:Redis: ", StringComparison.Ordinal) && e.Contains("Endpoints"));
    }

    [Fact]
    public async Task ReplicasClusterExample_RunsOnARealThreeMasterCluster()
    {
        using var cluster = new RedisCluster();
        await using var upstream = await TestUpstream.StartAsync();
        // The example's endpoints are placeholders; the command line replaces them, entry by entry.
        var settings = new List<(string, string)> { ("config", RepoPaths.InRepo("config", "replicas-redis-cluster.json")) };
        settings.AddRange(cluster.Endpoints.Select((endpoint, i) => ($"Protection:Features:Redis:Endpoints:{i}", endpoint)));
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address, [.. settings]);

        var deadline = Stopwatch.StartNew();
        string readiness;
        do
        {
            using var ready = await gateway.Client.GetAsync("/readyz");
            readiness = await ready.Content.ReadAsStringAsync();
        }
        while (!readiness.Contains("\"store\":{\"state\":\"redis\"", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(30));
        using var response = await gateway.Client.GetAsync("/");

        Assert.Contains("\"store\":{\"state\":\"redis\"", readiness);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
