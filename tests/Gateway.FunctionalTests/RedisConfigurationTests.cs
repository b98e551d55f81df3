using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Configuration;

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
    public async Task ClusterEndpoints_AreUsed_AndReadinessSaysRedis()
    {
        using var cluster = new Gateway.TestSupport.RedisCluster();
        await using var upstream = await TestUpstream.StartAsync();
        var settings = cluster.Endpoints.Select((endpoint, i) => ($"Protection:Features:Redis:Endpoints:{i}", endpoint)).ToArray();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address, settings);

        var deadline = System.Diagnostics.Stopwatch.StartNew();
        string readiness;
        do
        {
            using var response = await gateway.Client.GetAsync("/readyz");
            readiness = await response.Content.ReadAsStringAsync();
        }
        while (!readiness.Contains("\"store\":{\"state\":\"redis\"", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Contains("\"store\":{\"state\":\"redis\"", readiness);
    }
}
