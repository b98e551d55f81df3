using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.ScoreCache;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests;

/// <summary>The whole gateway on real sockets, with the bundled model, lists and databases, in front
/// of a real upstream; the in-process feature store (no Redis configured).</summary>
public sealed class GatewayDecisionTests : IAsyncLifetime
{
    // Listed in the bundled spamhaus_drop.netset (a DROP network) and firehol_level1.
    private const string ListedAddress = "1.10.16.1";

    private TestUpstream _upstream = null!;
    private GatewayInstance _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _gateway = await GatewayInstance.StartAsync(_upstream.Address,
            ("Protection:DecisionHeader", "true"),
            // These tests are about decisions, not latency: test assemblies run in parallel on a
            // 2-core CI machine, where the default 20 ms budget would (correctly) fail open.
            ("Protection:Policies:default:BudgetMilliseconds", "2000"));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task BenignRequest_IsForwardedToTheUpstream()
    {
        using var response = await _gateway.Client.GetAsync("/search?q=green+tea&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("results", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("pass;", Decision(response));
    }

    [Fact]
    public async Task WithTheDecisionHeaderOn_ServerTimingSaysHowLongTheDecisionTook()
    {
        using var response = await _gateway.Client.GetAsync("/search?q=green+tea");

        var timing = Assert.Single(response.Headers.GetValues("Server-Timing"));
        Assert.StartsWith("protection;dur=", timing);
        var milliseconds = double.Parse(timing["protection;dur=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(milliseconds, 0, double.MaxValue);
    }

    [Theory]
    [InlineData("/search?q=1%27%20OR%20%271%27%3D%271%27%20--")]
    [InlineData("/search?id=1%20UNION%20SELECT%20username,password%20FROM%20users--")]
    [InlineData("/search?q=%3Cscript%3Ealert(document.cookie)%3C/script%3E")]
    [InlineData("/search?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")]
    public async Task ObviousAttack_IsBlockedOrChallenged_AndNeverReachesTheUpstream(string target)
    {
        var before = _upstream.Requests;
        using var response = await _gateway.Client.GetAsync(target);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests });
        Assert.Contains("content", Decision(response));
        Assert.Equal(before, _upstream.Requests);
    }

    [Theory]
    [InlineData("/search?q=%27%20OR%20%27a%27%3D%27a&cache=1")]
    [InlineData("/search?q=green+tea&cache=1")]
    public async Task ContentSentAgain_IsAnsweredFromTheScoreCache_WithTheSameDecision(string target)
    {
        using var metrics = new MetricRecorder(_gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);
        var answers = new List<(HttpStatusCode Status, string Decision)>();

        // Seen once (not remembered), seen twice (remembered), then answered from memory twice.
        for (var i = 0; i < 4; i++)
        {
            using var response = await _gateway.Client.GetAsync(target);
            answers.Add((response.StatusCode, Decision(response)));
        }

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.Equal(2, metrics.Observed(ScoreCacheMetrics.InstrumentName, "result=hit"));
        Assert.Equal(2, metrics.Observed(ScoreCacheMetrics.InstrumentName, "result=miss"));
        Assert.Contains("\"scoreCache\":{\"state\":\"on\",\"detail\":\"16384 entries, 2 hits, 2 misses\"}", await _gateway.Client.GetStringAsync("/readyz"));
        // Only the two misses were extracted and run through the model (inline: nothing else is in flight).
        Assert.Equal(2, metrics.Recordings("protection.content.duration", "stage=extraction"));
        Assert.Equal(2, metrics.Recordings("protection.content.duration", "stage=model"));
    }

    [Fact]
    public async Task AttackInFormBody_IsBlockedOrChallenged()
    {
        using var body = new StringContent("username=admin%27--&password=x%27%20OR%201%3D1--", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await _gateway.Client.PostAsync("/echo-digest", body);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests });
    }

    [Fact]
    public async Task BlocklistedClient_BehindTrustedProxy_IsBlocked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", ListedAddress);
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("reputation:", Decision(response));
    }

    [Fact]
    public async Task Block_ForApiClient_IsProblemJson_ForBrowser_IsHtml_AndNeitherReflectsInput()
    {
        const string marker = "zq7marker";
        var target = $"/search?q=%3Cscript%3Ealert(%27{marker}%27)%3C/script%3E";

        using var api = new HttpRequestMessage(HttpMethod.Get, target);
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var apiResponse = await _gateway.Client.SendAsync(api);
        var apiBody = await apiResponse.Content.ReadAsStringAsync();

        using var browser = new HttpRequestMessage(HttpMethod.Get, target);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var browserResponse = await _gateway.Client.SendAsync(browser);
        var browserBody = await browserResponse.Content.ReadAsStringAsync();

        Assert.Equal("application/problem+json", apiResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/html", browserResponse.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(marker, apiBody);
        Assert.DoesNotContain(marker, browserBody);
        Assert.DoesNotContain("<script", browserBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LargeBody_ReachesTheUpstreamIntact()
    {
        var payload = new byte[300_000];
        new Random(7).NextBytes(payload);
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)('a' + payload[i] % 26); // text, so the gateway reads a prefix for scoring
        }
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await _gateway.Client.PostAsync("/echo-digest", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(payload)), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("1.2.3.4.5, ::zz, [::1")]
    [InlineData("\u0001\u0002,,,,,,,,,,,,")]
    public async Task HostileForwardingHeader_IsIgnored_NotAServerError(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", value);
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/search?q=%00%00%00")]
    [InlineData("/search?q=%C0%AF%C0%AE%E0%80%AF")]
    [InlineData("/%FF%FE/x")]
    public async Task OddEncodings_NeverCauseAServerError(string target)
    {
        using var response = await _gateway.Client.GetAsync(target);

        Assert.True((int)response.StatusCode < 500, $"{target} -> {(int)response.StatusCode}");
    }

    [Fact]
    public async Task HealthAndReadiness_Answer()
    {
        using var health = await _gateway.Client.GetAsync("/healthz");
        using var ready = await _gateway.Client.GetAsync("/readyz");
        var readiness = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"model\"", readiness);
        Assert.Contains("\"reputation\"", readiness);
        Assert.Contains("\"geo\"", readiness);
        Assert.Contains("\"store\"", readiness);
    }

    private static string Decision(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Protection-Decision", out var values) ? string.Join(";", values) : "";
}
