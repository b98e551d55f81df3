using System.Net;
using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests;

/// <summary>Policy options that change what reaches the upstream, each on its own real gateway.</summary>
public sealed class PolicyBehaviourTests
{
    private const string SqlInjection = "/search?id=1%20UNION%20SELECT%20username,password%20FROM%20users--";

    [Fact]
    public async Task MonitorMode_ForwardsAnAttack_ButStillReportsTheDecision()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("Protection:DecisionHeader", "true"),
            ("Protection:Policies:default:Mode", "Monitor"),
            ("Protection:Policies:default:BudgetMilliseconds", "2000"));

        using var response = await gateway.Client.GetAsync(SqlInjection);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decision = string.Join(";", response.Headers.GetValues("X-Protection-Decision"));
        Assert.Matches("^(block|challenge);", decision);
        Assert.EndsWith("mode=monitor", decision);
    }

    [Fact]
    public async Task ProtectionDisabled_IsABareProxy()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address, ("Protection:Enabled", "false"));

        using var response = await gateway.Client.GetAsync(SqlInjection);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Protection-Decision"));
    }

    [Fact]
    public async Task ClientOverTheRateLimit_IsChallengedWith429AndRetryAfter_ThenBlocked()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("Protection:DecisionHeader", "true"),
            ("Protection:Policies:default:RequestsPer10Seconds", "5"),
            ("Protection:Policies:default:RetryAfterSeconds", "17"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? firstChallenge = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await gateway.Client.GetAsync("/");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && firstChallenge is null)
            {
                firstChallenge = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.All(statuses.Take(6), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[6]);
        Assert.Equal(HttpStatusCode.Forbidden, statuses[^1]);
        Assert.NotNull(firstChallenge);
        Assert.Equal(TimeSpan.FromSeconds(17), firstChallenge!.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", firstChallenge.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rate:10s", string.Join(";", firstChallenge.Headers.GetValues("X-Protection-Decision")));
        firstChallenge.Dispose();
    }

    [Fact]
    public async Task ForwardingHeader_FromUntrustedPeer_IsIgnored()
    {
        await using var upstream = await TestUpstream.StartAsync();
        // Loopback not trusted: the test client is an ordinary peer whose forwarding header means nothing.
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("Protection:ClientIp:TrustLoopback", "false"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", "1.10.16.1");
        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
