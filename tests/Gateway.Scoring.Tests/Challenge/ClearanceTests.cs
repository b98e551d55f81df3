using System.Net;
using Gateway.Scoring.Challenge;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Tests.Features;
using Gateway.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Gateway.Scoring.Tests.Challenge;

public sealed class ClearanceTests : IDisposable
{
    private static readonly IPAddress Client = IPAddress.Parse("198.51.100.23");
    private readonly ManualTimeProvider _time = new();
    private readonly MetricsProbe _probe = new();
    private readonly ChallengeService _service;

    public ClearanceTests() => _service = ChallengeServices.Create(_time, _probe);

    public void Dispose()
    {
        _service.Dispose();
        _probe.Dispose();
    }

    [Fact]
    public async Task ValidClearance_TurnsAChallengeIntoAPass_WithReasonClearance()
    {
        var cookie = await ObtainClearanceAsync(_service);

        var decision = _service.ApplyClearance(Request(cookie), Decision(DecisionAction.Challenge), Client);

        Assert.Equal(DecisionAction.Pass, decision.Action);
        Assert.True(decision.Reasons.Contains(Reasons.Clearance));
        Assert.True(decision.Reasons.Contains(Reasons.Rate10s));
        Assert.Equal(Reasons.Clearance, decision.PrimaryReason);
        Assert.Equal(1, _probe.Total("protection.challenge.clearance", "accepted"));
    }

    [Fact]
    public async Task ValidClearance_DoesNotLiftABlock()
    {
        var cookie = await ObtainClearanceAsync(_service);

        var decision = _service.ApplyClearance(Request(cookie), Decision(DecisionAction.Block), Client);

        Assert.Equal(DecisionAction.Block, decision.Action);
        Assert.False(decision.Reasons.Contains(Reasons.Clearance));
    }

    [Fact]
    public void RequestWithoutClearance_StaysChallenged_AndCountsNothing()
    {
        var decision = _service.ApplyClearance(Request(null), Decision(DecisionAction.Challenge), Client);

        Assert.Equal(DecisionAction.Challenge, decision.Action);
        Assert.Equal(0, _probe.Total("protection.challenge.clearance"));
    }

    [Theory]
    [InlineData(2)]   // payload: issued-at
    [InlineData(25)]  // payload: binding
    [InlineData(-3)]  // MAC
    public async Task TamperedClearance_IsRefused_AndTheRequestStaysChallenged(int position)
    {
        var cookie = await ObtainClearanceAsync(_service);
        var index = position >= 0 ? position : cookie.Length + position;
        var tampered = cookie[..index] + (cookie[index] == 'A' ? 'B' : 'A') + cookie[(index + 1)..];

        var decision = _service.ApplyClearance(Request(tampered), Decision(DecisionAction.Challenge), Client);

        Assert.Equal(DecisionAction.Challenge, decision.Action);
        Assert.Equal(1, _probe.Total("protection.challenge.clearance", "bad_signature"));
    }

    [Fact]
    public async Task ExpiredClearance_IsRefused()
    {
        var cookie = await ObtainClearanceAsync(_service);
        _time.Advance(TimeSpan.FromSeconds(new ChallengeOptions().ClearanceLifetimeSeconds - 1));
        Assert.Equal(ChallengeFailure.None, _service.CheckClearance(cookie, ChallengeServices.UserAgent, Client));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ChallengeFailure.Expired, _service.CheckClearance(cookie, ChallengeServices.UserAgent, Client));
    }

    [Fact]
    public async Task ClearanceFromAnotherUserAgent_IsRefused()
    {
        var cookie = await ObtainClearanceAsync(_service);

        Assert.Equal(ChallengeFailure.WrongBinding, _service.CheckClearance(cookie, "Mozilla/5.0 Other/2.0", Client));
        Assert.Equal(ChallengeFailure.WrongBinding, _service.CheckClearance(cookie, null, Client));
    }

    [Theory]
    [InlineData("198.51.100.99", ChallengeFailure.None)]          // moved within its /24
    [InlineData("198.51.99.23", ChallengeFailure.WrongBinding)]   // another /24
    [InlineData("2001:db8::1", ChallengeFailure.WrongBinding)]
    public async Task ClearanceFromAnotherAddress_IsAccepted_OnlyWithinTheIpv4Prefix(string address, ChallengeFailure expected)
    {
        var cookie = await ObtainClearanceAsync(_service);

        Assert.Equal(expected, _service.CheckClearance(cookie, ChallengeServices.UserAgent, IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("2001:db8:aa:bb:1::1", ChallengeFailure.None)]         // same /64: a phone's new privacy address
    [InlineData("2001:db8:aa:bc::1", ChallengeFailure.WrongBinding)]    // another /64
    [InlineData("198.51.100.23", ChallengeFailure.WrongBinding)]
    public async Task Ipv6Clearance_IsAccepted_OnlyWithinTheIpv6Prefix(string address, ChallengeFailure expected)
    {
        var cookie = await ObtainClearanceAsync(_service, IPAddress.Parse("2001:db8:aa:bb::5"));

        Assert.Equal(expected, _service.CheckClearance(cookie, ChallengeServices.UserAgent, IPAddress.Parse(address)));
    }

    [Fact]
    public async Task ConfiguredPrefixLengths_WidenTheBinding()
    {
        using var wide = ChallengeServices.Create(_time, _probe, o =>
        {
            o.ClearanceIpv4PrefixLength = 16;
            o.ClearanceIpv6PrefixLength = 48;
        });
        var v4 = await ObtainClearanceAsync(wide);
        var v6 = await ObtainClearanceAsync(wide, IPAddress.Parse("2001:db8:aa:bb::5"));

        Assert.Equal(ChallengeFailure.None, wide.CheckClearance(v4, ChallengeServices.UserAgent, IPAddress.Parse("198.51.7.7")));
        Assert.Equal(ChallengeFailure.WrongBinding, wide.CheckClearance(v4, ChallengeServices.UserAgent, IPAddress.Parse("198.52.100.23")));
        Assert.Equal(ChallengeFailure.None, wide.CheckClearance(v6, ChallengeServices.UserAgent, IPAddress.Parse("2001:db8:aa:ffff::1")));
        Assert.Equal(ChallengeFailure.WrongBinding, wide.CheckClearance(v6, ChallengeServices.UserAgent, IPAddress.Parse("2001:db8:ab::1")));
    }

    [Fact]
    public void ChallengeToken_PresentedAsAClearance_IsRefused()
    {
        // Separate keys per purpose: a (free) token must never count as a (solved) clearance.
        var token = _service.IssueToken(ChallengeServices.UserAgent, Client, "/", 0);

        Assert.NotEqual(ChallengeFailure.None, _service.CheckClearance(token, ChallengeServices.UserAgent, Client));
    }

    [Fact]
    public async Task ClearanceFromAnotherGatewayKey_IsRefused_ButOneFromTheSameConfiguredKey_IsAccepted()
    {
        using var stranger = ChallengeServices.Create(_time, _probe);
        using var configuredA = ChallengeServices.Create(_time, _probe, o => o.Key = ChallengeServices.SharedKey);
        using var configuredB = ChallengeServices.Create(_time, _probe, o => o.Key = ChallengeServices.SharedKey);

        var foreign = await ObtainClearanceAsync(stranger);
        var shared = await ObtainClearanceAsync(configuredA);

        Assert.Equal(ChallengeFailure.BadSignature, _service.CheckClearance(foreign, ChallengeServices.UserAgent, Client));
        Assert.Equal(ChallengeFailure.None, configuredB.CheckClearance(shared, ChallengeServices.UserAgent, Client));
        Assert.Equal(ChallengeKeySource.Configured, configuredB.Keys.Source);
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task ClearanceCookie_IsHttpOnlyLaxAndSiteWide_AndSecureOverHttps(string scheme, bool secure)
    {
        var token = _service.IssueToken(ChallengeServices.UserAgent, Client, "/", 2);
        var redemption = await _service.RedeemAsync(token, ProofOfWork.Solve(token, 2), ChallengeServices.UserAgent, Client);
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;

        _service.AppendClearance(context, redemption);

        var header = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith($"gw_clearance={redemption.Clearance};", header);
        Assert.Contains("path=/", header);
        Assert.Contains("samesite=lax", header);
        Assert.Contains("httponly", header);
        Assert.Contains("max-age=3600", header);
        Assert.Equal(secure, header.Contains("secure", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b")]
    public void MalformedClearance_IsRefused(string value)
    {
        Assert.Equal(ChallengeFailure.Malformed, _service.CheckClearance(value, ChallengeServices.UserAgent, Client));
    }

    internal static async Task<string> ObtainClearanceAsync(ChallengeService service, IPAddress? address = null)
    {
        address ??= Client;
        var token = service.IssueToken(ChallengeServices.UserAgent, address, "/", 4);
        var redemption = await service.RedeemAsync(token, ProofOfWork.Solve(token, 4), ChallengeServices.UserAgent, address);
        Assert.True(redemption.Succeeded);
        return redemption.Clearance!;
    }

    private static HttpContext Request(string? cookie)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = ChallengeServices.UserAgent;
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"other=1; {new ChallengeOptions().CookieName}={cookie}";
        }
        return context;
    }

    private static ProtectionDecision Decision(DecisionAction action)
    {
        var reasons = new ReasonList();
        reasons.Add(Reasons.Rate10s);
        return new ProtectionDecision(action, true, 0.6, reasons, Reasons.Rate10s);
    }
}
