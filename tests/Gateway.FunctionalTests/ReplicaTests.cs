using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.TestSupport;

namespace Gateway.FunctionalTests;

/// <summary>
/// Two gateway replicas, each its own process, behind an imagined load balancer that alternates
/// between them. One client sends more than the 10-second limit in sum, but never more than the
/// limit to either replica alone: only a shared store can catch it.
/// </summary>
public sealed class ReplicaTests
{
    private const int Limit = 10;

    /// <summary>2 × (Limit − 1): each replica alone sees at most Limit − 1 earlier requests of the client.</summary>
    private const int AttackRequests = 2 * (Limit - 1);

    [Fact]
    public async Task AttackSpreadOverTwoReplicas_SharingOneRedis_IsCaughtByBoth()
    {
        using var redis = new RedisServer();
        await using var upstream = await TestUpstream.StartAsync();
        var (a, b) = await StartReplicasAsync(upstream, ("Protection:Features:Redis:Endpoints:0", $"127.0.0.1:{redis.Port}"));
        await using (a)
        await using (b)
        {
            await Task.WhenAll(a.WaitForStoreStateAsync("redis"), b.WaitForStoreStateAsync("redis"));
            // The challenge signing key is shared through the same Redis, configured the same way.
            Assert.Contains("\"challenge\":{\"state\":\"on\",\"detail\":\"key shared\"}", await a.ReadinessAsync());
            Assert.Contains("\"challenge\":{\"state\":\"on\",\"detail\":\"key shared\"}", await b.ReadinessAsync());

            var outcome = await TimelySpreadAttackAsync(a, b);

            AssertCaughtByBoth(outcome);
        }
    }

    [Fact]
    public async Task AttackSpreadOverTwoReplicas_SharingAThreeMasterRedisCluster_IsCaughtByBoth()
    {
        using var cluster = new RedisCluster();
        await using var upstream = await TestUpstream.StartAsync();
        var endpoints = cluster.Endpoints.Select((endpoint, i) => ($"Protection:Features:Redis:Endpoints:{i}", endpoint)).ToArray();
        var (a, b) = await StartReplicasAsync(upstream, endpoints);
        await using (a)
        await using (b)
        {
            await Task.WhenAll(a.WaitForStoreStateAsync("redis"), b.WaitForStoreStateAsync("redis"));
            // The challenge signing key is shared through the same Redis, configured the same way.
            Assert.Contains("\"challenge\":{\"state\":\"on\",\"detail\":\"key shared\"}", await a.ReadinessAsync());
            Assert.Contains("\"challenge\":{\"state\":\"on\",\"detail\":\"key shared\"}", await b.ReadinessAsync());

            var outcome = await TimelySpreadAttackAsync(a, b);

            AssertCaughtByBoth(outcome);
        }
    }

    /// <summary>The control: without a shared store the same traffic passes, so the tests above measure the sharing.</summary>
    [Fact]
    public async Task AttackSpreadOverTwoReplicas_EachWithItsOwnInProcessStore_IsNotCaught()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var (a, b) = await StartReplicasAsync(upstream);
        await using (a)
        await using (b)
        {
            var outcome = await SpreadAttackAsync(a, b);

            Assert.All(outcome, o => Assert.Equal(HttpStatusCode.OK, o.Status));
        }
    }

    private static async Task<(GatewayProcess A, GatewayProcess B)> StartReplicasAsync(
        TestUpstream upstream, params (string Key, string Value)[] store)
    {
        (string, string)[] settings =
        [
            ("Protection:DecisionHeader", "true"),
            ("Protection:Policies:default:RequestsPer10Seconds", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            // Generous deadlines: a busy test machine must not turn a slow read into a fail-open pass.
            ("Protection:Policies:default:BudgetMilliseconds", "3000"),
            ("Protection:Features:ReadTimeoutMilliseconds", "3000"),
            .. store,
        ];
        var starting = new[] { GatewayProcess.StartAsync(upstream.Address, settings), GatewayProcess.StartAsync(upstream.Address, settings) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }
            throw;
        }
        var (a, b) = (starting[0].Result, starting[1].Result);
        // Warm-up from other addresses, so that the attack is not slowed down by first-request costs.
        foreach (var replica in new[] { a, b })
        {
            for (var i = 0; i < 3; i++)
            {
                using var response = await Send(replica, $"192.0.2.{i + 1}");
            }
        }
        return (a, b);
    }

    /// <summary>
    /// The attack has to fit in the 10-second window to be over the limit at all. On a machine so
    /// busy that it did not, it is repeated from a fresh address (the verdict is never relaxed).
    /// </summary>
    private static async Task<List<(int Replica, HttpStatusCode Status, string Decision)>> TimelySpreadAttackAsync(GatewayProcess a, GatewayProcess b)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var elapsed = System.Diagnostics.Stopwatch.StartNew();
            var outcome = await SpreadAttackAsync(a, b, $"198.51.100.{20 + attempt}");
            if (elapsed.Elapsed < TimeSpan.FromSeconds(8))
            {
                return outcome;
            }
        }
        Assert.Fail("three attempts each took longer than 8 s; the machine is too busy for a 10-second window");
        return [];
    }

    private static async Task<List<(int Replica, HttpStatusCode Status, string Decision)>> SpreadAttackAsync(
        GatewayProcess a, GatewayProcess b, string clientIp = "198.51.100.23")
    {
        var outcome = new List<(int, HttpStatusCode, string)>();
        for (var i = 0; i < AttackRequests; i++)
        {
            var replica = i % 2;
            using var response = await Send(replica == 0 ? a : b, clientIp);
            var decision = response.Headers.TryGetValues("X-Protection-Decision", out var values) ? string.Join(";", values) : "";
            outcome.Add((replica, response.StatusCode, decision));
        }
        return outcome;
    }

    private static void AssertCaughtByBoth(List<(int Replica, HttpStatusCode Status, string Decision)> outcome)
    {
        var description = string.Join(", ", outcome.Select(o => $"{o.Replica}:{(int)o.Status}"));
        // The first Limit + 1 requests are within the limit in sum as well.
        Assert.All(outcome.Take(Limit + 1), o => Assert.Equal(HttpStatusCode.OK, o.Status));
        var caught = outcome.Where(o => o.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.Forbidden).ToList();
        // Exactly AttackRequests − Limit − 1 are over the limit; allow one write still in flight on the other replica.
        Assert.True(caught.Count >= AttackRequests - Limit - 2, $"caught {caught.Count}: {description}");
        Assert.Contains(caught, o => o.Replica == 0);
        Assert.Contains(caught, o => o.Replica == 1);
        Assert.All(caught, o => Assert.Contains("rate:10s", o.Decision));
    }

    private static Task<HttpResponseMessage> Send(GatewayProcess replica, string clientIp)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=green+tea");
        // Loopback is a trusted proxy by default: the header names the client, as a load balancer would.
        request.Headers.Add("X-Forwarded-For", clientIp);
        return replica.Client.SendAsync(request);
    }
}
