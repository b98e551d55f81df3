using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Gateway.DemoUpstream;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Telemetry;
using Gateway.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests;

/// <summary>
/// The remembered-device cookie on real sockets, in front of the demo shop: a successful login sets
/// it, and during a site-wide attack the owner presenting it from a new network is not challenged.
/// </summary>
public sealed class LoginDeviceCookieTests
{
    private static readonly (string Key, string Value)[] Settings =
    [
        ("Protection:DecisionHeader", "true"),
        ("Protection:Policies:login:BudgetMilliseconds", "2000"),
        ("Protection:Policies:login:ChallengeThreshold", "0.4"),
        ("Protection:Policies:login:BlockThreshold", "0.8"),
        ("Protection:Login:Profiles:json:UsernameSource", "Json"),
        ("ReverseProxy:Routes:t-api-login:ClusterId", "app"),
        ("ReverseProxy:Routes:t-api-login:Order", "-10"),
        ("ReverseProxy:Routes:t-api-login:Match:Path", "/api/login"),
        ("ReverseProxy:Routes:t-api-login:Metadata:ProtectionPolicy", "login"),
        ("ReverseProxy:Routes:t-api-login:Metadata:ProtectionLogin", "json"),
    ];

    private static async Task<WebApplication> StartDemoAsync()
    {
        var demo = DemoUpstreamApp.Build($"http://127.0.0.1:{FreePort.Next()}");
        await demo.StartAsync();
        return demo;
    }

    private static async Task<HttpResponseMessage> LoginAsync(GatewayInstance gateway, string client, string username, string password, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/login")
        {
            Content = JsonContent.Create(new { username, password }),
        };
        request.Headers.Add("X-Forwarded-For", client);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await gateway.Client.SendAsync(request);
    }

    private static string? DeviceCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith("gw_device=", StringComparison.Ordinal))
            : null;

    /// <summary>The <c>name=value</c> part a browser sends back.</summary>
    private static string Pair(string setCookie) => setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];

    [Fact]
    public async Task ASuccessfulLogin_SetsAnHttpOnlyLaxDeviceCookieForNinetyDays_AndAFailedOneDoesNot()
    {
        await using var demo = await StartDemoAsync();
        await using var gateway = await GatewayInstance.StartAsync(demo.Urls.First(), Settings);

        using var failed = await LoginAsync(gateway, "192.0.2.80", "alice", "wrong");
        using var success = await LoginAsync(gateway, "192.0.2.80", "alice", "wonderland");

        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.Null(DeviceCookie(failed));
        Assert.Equal(HttpStatusCode.OK, success.StatusCode);
        var cookie = DeviceCookie(success);
        Assert.NotNull(cookie);
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToArray();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains("max-age=7776000", attributes);
        Assert.DoesNotContain("secure", attributes); // plain HTTP here; Secure under HTTPS
        Assert.DoesNotContain("alice", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DuringASurge_TheOwnersDeviceCookiePassesANewNetwork_WhereTheSameAttemptWithoutItIsChallenged()
    {
        await using var demo = await StartDemoAsync();
        await using var gateway = await GatewayInstance.StartAsync(demo.Urls.First(), Settings);
        using var metrics = new MetricRecorder(gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);

        using var home = await LoginAsync(gateway, "192.0.2.80", "alice", "wonderland");
        var cookie = Pair(DeviceCookie(home)!);
        // Stuffing spread thinly: every attempt from its own /24, so no address has evidence of its own.
        for (var i = 0; i < 40; i++)
        {
            using var stuffed = await LoginAsync(gateway, $"100.64.{i}.7", $"leaked-{i}@example.com", "Summer2024!");
        }

        using var without = await LoginAsync(gateway, "198.51.100.9", "alice", "wonderland");
        using var tampered = await LoginAsync(gateway, "198.51.100.9", "alice", "wonderland", cookie[..^2] + (cookie[^2] == 'A' ? "B" : "A") + cookie[^1]);
        using var with = await LoginAsync(gateway, "198.51.100.9", "alice", "wonderland", cookie);
        using var stolen = await LoginAsync(gateway, "198.51.100.10", "bob", "builder", cookie);

        Assert.Equal(HttpStatusCode.TooManyRequests, without.StatusCode);
        Assert.Contains("login.surge", string.Join(";", without.Headers.GetValues("X-Protection-Decision")));
        Assert.Equal(HttpStatusCode.TooManyRequests, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.NotNull(DeviceCookie(with));
        Assert.Equal(HttpStatusCode.TooManyRequests, stolen.StatusCode);
        Assert.Equal(1, metrics.Total("protection.login.device.cookies", "result=vouched"));
        Assert.Equal(1, metrics.Total("protection.login.device.cookies", "result=bad_signature"));
        Assert.Equal(1, metrics.Total("protection.login.device.cookies", "result=other_username"));
    }
}
