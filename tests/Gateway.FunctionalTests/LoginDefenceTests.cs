using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Gateway.DemoUpstream;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Telemetry;
using Gateway.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests;

/// <summary>Login defence on real sockets, in front of the demo shop (401 on a failed login).</summary>
public sealed class LoginDefenceTests : IClassFixture<RedisServer>
{
    private readonly RedisServer _redis;

    public LoginDefenceTests(RedisServer redis) => _redis = redis;

    private static (string Key, string Value)[] LoginRoutes(params (string Key, string Value)[] more) =>
    [
        ("Protection:DecisionHeader", "true"),
        ("Protection:Policies:login:BudgetMilliseconds", "2000"),
        ("Protection:Policies:login:ChallengeThreshold", "0.4"),
        ("Protection:Policies:login:BlockThreshold", "0.8"),
        ("Protection:Login:Profiles:json:UsernameSource", "Json"),
        ("Protection:Login:Profiles:form:UsernameSource", "Form"),
        ("ReverseProxy:Routes:t-api-login:ClusterId", "app"),
        ("ReverseProxy:Routes:t-api-login:Order", "-10"),
        ("ReverseProxy:Routes:t-api-login:Match:Path", "/api/login"),
        ("ReverseProxy:Routes:t-api-login:Metadata:ProtectionPolicy", "login"),
        ("ReverseProxy:Routes:t-api-login:Metadata:ProtectionLogin", "json"),
        ("ReverseProxy:Routes:t-echo:ClusterId", "app"),
        ("ReverseProxy:Routes:t-echo:Order", "-10"),
        ("ReverseProxy:Routes:t-echo:Match:Path", "/api/echo-size"),
        ("ReverseProxy:Routes:t-echo:Metadata:ProtectionPolicy", "login"),
        ("ReverseProxy:Routes:t-echo:Metadata:ProtectionLogin", "form"),
        .. more,
    ];

    private static async Task<WebApplication> StartDemoAsync()
    {
        var demo = DemoUpstreamApp.Build($"http://127.0.0.1:{FreePort.Next()}");
        await demo.StartAsync();
        return demo;
    }

    private static string DemoAddress(WebApplication demo) => demo.Urls.First();

    private static async Task<HttpResponseMessage> LoginAsync(GatewayInstance gateway, string client, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/login")
        {
            Content = JsonContent.Create(new { username, password }),
        };
        request.Headers.Add("X-Forwarded-For", client);
        return await gateway.Client.SendAsync(request);
    }

    [Fact]
    public async Task LoginBodyLargerThanThePrefix_ReachesTheUpstreamIntact()
    {
        await using var demo = await StartDemoAsync();
        await using var gateway = await GatewayInstance.StartAsync(DemoAddress(demo), LoginRoutes());
        var body = Encoding.UTF8.GetBytes("username=alice&password=wonderland&padding=" + new string('x', 50_000));

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var response = await gateway.Client.PostAsync("/api/echo-size", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Convert.ToHexString(SHA256.HashData(body)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StuffingFromOneAddress_IsChallengedThenBlocked_WhileTheRealUserElsewhereSignsIn()
    {
        await using var demo = await StartDemoAsync();
        await using var gateway = await GatewayInstance.StartAsync(DemoAddress(demo), LoginRoutes());
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);

        var statuses = new List<HttpStatusCode>();
        string? lastDecision = null;
        for (var i = 0; i < 16; i++)
        {
            using var response = await LoginAsync(gateway, "203.0.113.50", $"leaked-{i}@example.com", "Summer2024!");
            statuses.Add(response.StatusCode);
            lastDecision = string.Join(";", response.Headers.GetValues("X-Protection-Decision"));
        }
        using var alice = await LoginAsync(gateway, "192.0.2.80", "alice", "wonderland");

        Assert.All(statuses.Take(4), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.Forbidden, statuses[^1]);
        Assert.Contains("login.stuffing", lastDecision);
        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.True(metrics.Total("protection.login.attempts", "outcome=failure") >= 4);
        Assert.True(metrics.Total("protection.login.attempts", "outcome=stopped") >= 1);
        Assert.Equal(1, metrics.Total("protection.login.attempts", "outcome=success"));
    }

    [Fact]
    public async Task UserWhoMistypesTwice_SignsInWithoutAChallenge()
    {
        await using var demo = await StartDemoAsync();
        await using var gateway = await GatewayInstance.StartAsync(DemoAddress(demo), LoginRoutes());

        using var first = await LoginAsync(gateway, "192.0.2.81", "Bob", "bulider");
        using var second = await LoginAsync(gateway, "192.0.2.81", "bob ", "buidler");
        using var third = await LoginAsync(gateway, "192.0.2.81", "bob", "builder");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.DoesNotContain("login.", string.Join(";", third.Headers.GetValues("X-Protection-Decision")));
    }

    [Fact]
    public async Task LoginStoreOnRedis_IsSharedByTwoReplicas_AndWhenRedisDiesLoginsStillWork()
    {
        _redis.Start();
        await using var demo = await StartDemoAsync();
        var shared = LoginRoutes(
            ("ConnectionStrings:Redis", _redis.ConnectionString),
            ("Protection:Features:KeyPrefix", "lt" + Guid.NewGuid().ToString("N")[..8]),
            ("Protection:Features:ReadTimeoutMilliseconds", "2000"),
            ("Protection:Login:UsernameKey", Convert.ToBase64String(new byte[32])));
        await using var first = await GatewayInstance.StartAsync(DemoAddress(demo), shared);
        await using var second = await GatewayInstance.StartAsync(DemoAddress(demo), shared);
        Assert.True(await WaitForAsync(async () => (await first.Client.GetStringAsync("/readyz")).Contains("\"login\":{\"state\":\"redis\"")));
        Assert.True(await WaitForAsync(async () => (await second.Client.GetStringAsync("/readyz")).Contains("\"login\":{\"state\":\"redis\"")));

        // Stuffing split over two replicas: each sees half, the shared store sees it all.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 16; i++)
        {
            using var response = await LoginAsync(i % 2 == 0 ? first : second, "203.0.113.60", $"combo-{i}", "hunter2");
            statuses.Add(response.StatusCode);
        }
        _redis.Stop();
        using var metrics = new MetricRecorder(first.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);
        var afterOutage = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await LoginAsync(first, $"192.0.2.{90 + i}", "carol", "correct horse battery staple");
            afterOutage.Add(response.StatusCode);
        }
        _redis.Start();

        Assert.Equal(HttpStatusCode.Forbidden, statuses[^1]);
        Assert.All(afterOutage, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(metrics.Total("protection.fail_open") > 0);
    }

    [Fact]
    public async Task RouteNamingAnUndefinedLoginProfile_StopsStartup_NamingTheKey()
    {
        var ex = await Assert.ThrowsAsync<ProtectionConfigurationException>(() => GatewayInstance.StartAsync("http://127.0.0.1:9",
            ("ReverseProxy:Routes:app:Metadata:ProtectionLogin", "nope"),
            ("Protection:Login:Profiles:form:UsernameSource", "Form"),
            ("Protection:Login:Profiles:form:FailureRedirectPath", "login"),
            ("Protection:Login:UsernameKey", "c2hvcnQ=")));

        Assert.Contains(ex.Errors, e => e.Contains("ReverseProxy:Routes:app:Metadata:ProtectionLogin") && e.Contains("nope"));
        Assert.Contains(ex.Errors, e => e.Contains("Protection:Login:Profiles:form:FailureRedirectPath"));
        Assert.Contains(ex.Errors, e => e.Contains("Protection:Login:UsernameKey"));
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }
}
