using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Challenge;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.FunctionalTests;

/// <summary>
/// The proof-of-work challenge over real sockets, solved in C# the way the page's script solves it:
/// challenge page → solution posted → clearance cookie → upstream page. The default policy here
/// challenges every request (ChallengeThreshold 0).
/// </summary>
public sealed partial class ChallengeFlowTests : IAsyncLifetime
{
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) FunctionalTest/1.0";
    private const string CookieName = "gw_clearance";

    private TestUpstream _upstream = null!;
    private GatewayInstance _gateway = null!;
    private MetricRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _gateway = await GatewayInstance.StartAsync(_upstream.Address,
            ("Protection:DecisionHeader", "true"),
            ("Protection:Policies:default:ChallengeThreshold", "0"),
            ("Protection:Policies:default:BudgetMilliseconds", "2000"),
            // The content model would (rightly) block some of the odd paths tried here; these tests
            // are about the challenge, so every request is challenged and none blocked.
            ("Protection:Policies:default:ScoreContent", "false"),
            ("Protection:Challenge:BaseDifficultyBits", "10"),
            ("Protection:Challenge:MaxDifficultyBits", "12"));
        _metrics = new MetricRecorder(_gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task ApiClient_IsStillAnswered429_WithRetryAfter_AndProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=tea");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(0, _metrics.Total("protection.challenge.issued"));
    }

    [Fact]
    public async Task Browser_GetsTheProofOfWorkPage_UnderAStrictCsp_WithoutReflectedInput()
    {
        using var response = await GetAsync("/search?q=reflectme&page=2");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'", csp);
        var nonce = CspNonce().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
        Assert.Contains("form-action 'self'", csp);
        Assert.DoesNotContain("reflectme", html);
        Assert.Contains("action=\"/.gateway/challenge\"", html);
        Assert.Equal(10, Page.Parse(html).Bits); // risk 0 at threshold 0: the base difficulty
        Assert.Equal(1, _metrics.Total("protection.challenge.issued", "difficulty=10"));
    }

    [Fact]
    public async Task SolvedChallenge_SetsABoundClearanceCookie_RedirectsBack_AndOpensTheUpstreamPage()
    {
        var before = _upstream.Requests;
        var challenge = Page.Parse(await (await GetAsync("/search?q=green+tea&page=2")).Content.ReadAsStringAsync());
        Assert.Equal(before, _upstream.Requests);

        using var solved = await PostSolutionAsync(challenge.Token, ProofOfWork.Solve(challenge.Token, challenge.Bits));

        Assert.Equal(HttpStatusCode.SeeOther, solved.StatusCode);
        Assert.Equal("/search?q=green+tea&page=2", solved.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(solved.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(CookieName + "=", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase); // plain HTTP

        using var page = await GetAsync("/search?q=green+tea&page=2", Cookie(setCookie));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("results", await page.Content.ReadAsStringAsync());
        Assert.Contains("pass;", Decision(page));
        Assert.Contains("reasons=clearance", Decision(page));
        Assert.Equal(before + 1, _upstream.Requests);
        Assert.Equal(1, _metrics.Total("protection.challenge.solved"));
        Assert.Equal(1, _metrics.Total("protection.challenge.clearance", "result=accepted"));
        Assert.Equal(1, _metrics.Total("protection.decisions", "reason=clearance"));
    }

    [Fact]
    public async Task ReplayedSolution_IsRefused_WithoutASecondCookie()
    {
        var challenge = Page.Parse(await (await GetAsync("/")).Content.ReadAsStringAsync());
        var nonce = ProofOfWork.Solve(challenge.Token, challenge.Bits);
        using var first = await PostSolutionAsync(challenge.Token, nonce);
        Assert.True(first.Headers.Contains("Set-Cookie"));

        using var replay = await PostSolutionAsync(challenge.Token, nonce);

        Assert.Equal(HttpStatusCode.SeeOther, replay.StatusCode);
        Assert.False(replay.Headers.Contains("Set-Cookie"));
        Assert.Equal(1, _metrics.Total("protection.challenge.failed", "reason=replay"));
    }

    [Fact]
    public async Task TamperedToken_IsRefusedWith403()
    {
        var challenge = Page.Parse(await (await GetAsync("/")).Content.ReadAsStringAsync());
        var tampered = challenge.Token[..10] + (challenge.Token[10] == 'A' ? 'B' : 'A') + challenge.Token[11..];

        using var response = await PostSolutionAsync(tampered, ProofOfWork.Solve(tampered, challenge.Bits));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, _metrics.Total("protection.challenge.failed", "reason=bad_signature"));
    }

    [Fact]
    public async Task UnsolvedToken_IsRefusedWith403()
    {
        var challenge = Page.Parse(await (await GetAsync("/")).Content.ReadAsStringAsync());

        using var response = await PostSolutionAsync(challenge.Token, "0");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, _metrics.Total("protection.challenge.failed", "reason=insufficient_work"));
    }

    [Fact]
    public async Task ChallengeOnASchemeRelativePath_ReturnsToTheSiteRoot_NotToAnotherHost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_gateway.Address.TrimEnd('/') + "//evil.example/phish"));
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.UserAgent.ParseAdd(UserAgent);
        using var challenged = await _gateway.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, challenged.StatusCode);
        var challenge = Page.Parse(await challenged.Content.ReadAsStringAsync());

        using var solved = await PostSolutionAsync(challenge.Token, ProofOfWork.Solve(challenge.Token, challenge.Bits));

        Assert.Equal(HttpStatusCode.SeeOther, solved.StatusCode);
        Assert.Equal("/", solved.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ClearanceCookie_FromAnotherUserAgent_OrAnotherNetwork_IsRefused_ButWorksWithinTheClientsPrefix()
    {
        // The gateway trusts loopback proxies, so X-Forwarded-For sets the client address.
        var challenge = Page.Parse(await (await GetAsync("/", forwardedFor: "203.0.113.5")).Content.ReadAsStringAsync());
        using var solved = await PostSolutionAsync(challenge.Token, ProofOfWork.Solve(challenge.Token, challenge.Bits), "203.0.113.5");
        var cookie = Cookie(Assert.Single(solved.Headers.GetValues("Set-Cookie")));

        using var samePrefix = await GetAsync("/", cookie, forwardedFor: "203.0.113.77");
        using var otherPrefix = await GetAsync("/", cookie, forwardedFor: "203.0.114.5");
        using var otherAgent = await GetAsync("/", cookie, forwardedFor: "203.0.113.5", userAgent: "curl/8.5.0");

        Assert.Equal(HttpStatusCode.OK, samePrefix.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, otherPrefix.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, otherAgent.StatusCode);
        Assert.Equal(2, _metrics.Total("protection.challenge.clearance", "reason=wrong_binding"));
    }

    [Fact]
    public async Task ChallengeEndpoint_AnswersOnlyPostedForms_AndIsNeverForwarded()
    {
        var before = _upstream.Requests;

        using var get = await _gateway.Client.GetAsync("/.gateway/challenge");
        using var json = await _gateway.Client.PostAsync("/.gateway/challenge", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var huge = await _gateway.Client.PostAsync("/.gateway/challenge",
            new FormUrlEncodedContent([new("token", new string('A', 20_000)), new("nonce", "1")]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(before, _upstream.Requests);
    }

    [Fact]
    public async Task Readiness_ReportsTheChallenge_AndWhereItsKeyCameFrom()
    {
        var body = await _gateway.Client.GetStringAsync("/readyz");

        Assert.Contains("\"challenge\":{\"state\":\"on\",\"detail\":\"key local\"}", body);
    }

    [Fact]
    public async Task ChallengeSwitchedOff_GivesBrowsersThePlainSlowDownPage()
    {
        await using var gateway = await GatewayInstance.StartAsync(_upstream.Address,
            ("Protection:Policies:default:ChallengeThreshold", "0"),
            ("Protection:Policies:default:BudgetMilliseconds", "2000"),
            ("Protection:Challenge:Enabled", "false"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await gateway.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Please try again in 30 seconds", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task InvalidChallengeKey_StopsStartup_NamingTheKey_WithoutRevealingIt()
    {
        const string secret = "not*base64*but*still*a*secret*value";

        var ex = await Assert.ThrowsAsync<ProtectionConfigurationException>(() => GatewayInstance.StartAsync("http://127.0.0.1:9",
            ("Protection:Challenge:Key", secret),
            ("Protection:Challenge:ClearanceIpv6PrefixLength", "200")));

        Assert.Contains(ex.Errors, e => e.StartsWith("Protection:Challenge:Key:", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("Protection:Challenge:ClearanceIpv6PrefixLength:", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, ex.Message);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? cookie = null, string? forwardedFor = null, string userAgent = UserAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        request.Headers.UserAgent.ParseAdd(userAgent);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await _gateway.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostSolutionAsync(string token, string nonce, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/.gateway/challenge")
        {
            Content = new FormUrlEncodedContent([new("token", token), new("nonce", nonce)]),
        };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        request.Headers.Accept.ParseAdd("application/json");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await _gateway.Client.SendAsync(request);
    }

    /// <summary><c>name=value</c> from a Set-Cookie header, as a browser would send it back.</summary>
    private static string Cookie(string setCookie) => setCookie[..setCookie.IndexOf(';')];

    private static string Decision(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Protection-Decision", out var values) ? values.Single() : "";

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex CspNonce();

    private sealed partial record Page(string Token, int Bits)
    {
        public static Page Parse(string html)
        {
            var token = TokenField().Match(html);
            var bits = BitsAttribute().Match(html);
            Assert.True(token.Success && bits.Success, "not a challenge page");
            return new Page(token.Groups[1].Value, int.Parse(bits.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        [GeneratedRegex("name=\"token\" value=\"([A-Za-z0-9_.-]+)\"")]
        private static partial Regex TokenField();

        [GeneratedRegex("data-bits=\"([0-9]+)\"")]
        private static partial Regex BitsAttribute();
    }
}
