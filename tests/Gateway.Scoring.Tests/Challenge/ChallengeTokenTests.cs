using System.Net;
using Gateway.Scoring.Challenge;
using Gateway.Scoring.Tests.Features;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Challenge;

public sealed class ChallengeTokenTests : IDisposable
{
    private const int Bits = 8;
    private static readonly IPAddress Client = IPAddress.Parse("198.51.100.23");
    private readonly ManualTimeProvider _time = new();
    private readonly MetricsProbe _probe = new();
    private readonly ChallengeService _service;

    public ChallengeTokenTests() => _service = ChallengeServices.Create(_time, _probe);

    public void Dispose()
    {
        _service.Dispose();
        _probe.Dispose();
    }

    [Fact]
    public async Task SolvedToken_IsRedeemed_ForAClearance_AndTheReturnPathItCarries()
    {
        var token = Issue("/account/orders?page=2&sort=date");

        var redemption = await Redeem(token, ProofOfWork.Solve(token, Bits));

        Assert.True(redemption.Succeeded);
        Assert.Equal("/account/orders?page=2&sort=date", redemption.ReturnPath);
        Assert.NotNull(redemption.Clearance);
        Assert.Equal(_time.GetUtcNow().AddSeconds(new ChallengeOptions().ClearanceLifetimeSeconds), redemption.ClearanceExpires);
        Assert.Equal(1, _probe.Total("protection.challenge.solved"));
    }

    [Theory]
    [InlineData(3)]   // inside the payload (issued-at)
    [InlineData(30)]  // inside the payload (id)
    [InlineData(-3)]  // inside the MAC
    public async Task TamperedToken_IsRefused_AsBadSignature(int position)
    {
        var token = Issue("/");
        var index = position >= 0 ? position : token.Length + position;
        var tampered = token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];

        var redemption = await Redeem(tampered, ProofOfWork.Solve(tampered, Bits));

        Assert.Equal(ChallengeFailure.BadSignature, redemption.Failure);
        Assert.Null(redemption.ReturnPath);
        Assert.Null(redemption.Clearance);
        Assert.Equal(1, _probe.Total("protection.challenge.failed", "bad_signature"));
    }

    [Fact]
    public async Task TokenSignedByAnotherGatewayKey_IsRefused()
    {
        using var other = ChallengeServices.Create(_time, _probe);
        var token = other.IssueToken(ChallengeServices.UserAgent, Client, "/", Bits);

        Assert.Equal(ChallengeFailure.BadSignature, (await Redeem(token, ProofOfWork.Solve(token, Bits))).Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData(".")]
    [InlineData("AQ.AQ")]
    [InlineData("!!!!.????")]
    public async Task MalformedToken_IsRefused(string token)
    {
        Assert.Equal(ChallengeFailure.Malformed, (await Redeem(token, "1")).Failure);
    }

    [Fact]
    public async Task OverlongToken_IsRefusedBeforeAnyWork()
    {
        var token = new string('A', ChallengeToken.MaxTextLength + 1) + ".AAAA";

        Assert.Equal(ChallengeFailure.Malformed, (await Redeem(token, "1")).Failure);
    }

    [Fact]
    public async Task ExpiredToken_IsRefused_ButSendsTheBrowserBackToBeChallengedAfresh()
    {
        var token = Issue("/basket");
        var nonce = ProofOfWork.Solve(token, Bits);
        _time.Advance(TimeSpan.FromSeconds(new ChallengeOptions().TokenLifetimeSeconds));

        var redemption = await Redeem(token, nonce);

        Assert.Equal(ChallengeFailure.Expired, redemption.Failure);
        Assert.Equal("/basket", redemption.ReturnPath);
        Assert.Null(redemption.Clearance);
        Assert.Equal(1, _probe.Total("protection.challenge.failed", "expired"));
    }

    [Fact]
    public async Task TokenJustBeforeExpiry_IsRedeemed()
    {
        var token = Issue("/");
        _time.Advance(TimeSpan.FromSeconds(new ChallengeOptions().TokenLifetimeSeconds - 1));

        Assert.True((await Redeem(token, ProofOfWork.Solve(token, Bits))).Succeeded);
    }

    [Fact]
    public async Task ReplayedSolution_IsRefused_InProcess()
    {
        var token = Issue("/");
        var nonce = ProofOfWork.Solve(token, Bits);

        var first = await Redeem(token, nonce);
        var second = await Redeem(token, nonce);

        Assert.True(first.Succeeded);
        Assert.Equal(ChallengeFailure.Replay, second.Failure);
        Assert.Null(second.Clearance);
        Assert.Equal(1, _probe.Total("protection.challenge.failed", "replay"));
    }

    [Fact]
    public async Task TokenRedeemedWithAnotherUserAgent_IsRefused_AsWrongBinding()
    {
        var token = Issue("/");

        var redemption = await _service.RedeemAsync(token, ProofOfWork.Solve(token, Bits), "curl/8.0", Client);

        Assert.Equal(ChallengeFailure.WrongBinding, redemption.Failure);
        Assert.Equal(1, _probe.Total("protection.challenge.failed", "wrong_binding"));
    }

    [Theory]
    [InlineData("198.51.100.200", true)]   // same /24
    [InlineData("::ffff:198.51.100.7", true)] // the same client seen over a dual-stack socket
    [InlineData("198.51.101.23", false)]   // next /24
    [InlineData("203.0.113.23", false)]
    [InlineData("2001:db8::23", false)]
    public async Task TokenRedeemedFromAnotherAddress_IsAccepted_OnlyWithinTheIpv4Prefix(string address, bool accepted)
    {
        var token = Issue("/");

        var redemption = await _service.RedeemAsync(token, ProofOfWork.Solve(token, Bits), ChallengeServices.UserAgent, IPAddress.Parse(address));

        Assert.Equal(accepted ? ChallengeFailure.None : ChallengeFailure.WrongBinding, redemption.Failure);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::9", true)]  // same /64
    [InlineData("2001:db8:1:3::1", false)]      // next /64
    public async Task TokenRedeemedFromAnotherIpv6Address_IsAccepted_OnlyWithinThePrefix(string address, bool accepted)
    {
        var issuedTo = IPAddress.Parse("2001:db8:1:2::1");
        var token = _service.IssueToken(ChallengeServices.UserAgent, issuedTo, "/", Bits);

        var redemption = await _service.RedeemAsync(token, ProofOfWork.Solve(token, Bits), ChallengeServices.UserAgent, IPAddress.Parse(address));

        Assert.Equal(accepted ? ChallengeFailure.None : ChallengeFailure.WrongBinding, redemption.Failure);
    }

    [Fact]
    public async Task SolutionWithLessWorkThanTheTokenAsks_IsRefused()
    {
        var token = _service.IssueToken(ChallengeServices.UserAgent, Client, "/", 16);
        var weak = FirstNonceWithExactly(token, 4);

        var redemption = await Redeem(token, weak);

        Assert.Equal(ChallengeFailure.InsufficientWork, redemption.Failure);
        Assert.Null(redemption.ReturnPath);
        Assert.Equal(1, _probe.Total("protection.challenge.failed", "insufficient_work"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1e5")]
    [InlineData(" 12")]
    [InlineData("12345678901234567")]
    public async Task NonceThatIsNotShortDecimalDigits_IsRefused(string nonce)
    {
        var token = _service.IssueToken(ChallengeServices.UserAgent, Client, "/", 0);

        Assert.Equal(ChallengeFailure.InsufficientWork, (await Redeem(token, nonce)).Failure);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/ok\r\nSet-Cookie: x=1")]
    public async Task TokenMadeForAnUnsafePath_ReturnsToTheSiteRoot(string path)
    {
        var token = Issue(path);

        var redemption = await Redeem(token, ProofOfWork.Solve(token, Bits));

        Assert.True(redemption.Succeeded);
        Assert.Equal("/", redemption.ReturnPath);
    }

    [Fact]
    public async Task TokenSignedWithThePreviousKey_IsStillAccepted_AfterAKeyIsAdopted()
    {
        var token = Issue("/");
        _service.Keys.Adopt(ChallengeKeys.Generate());

        Assert.True((await Redeem(token, ProofOfWork.Solve(token, Bits))).Succeeded);
    }

    private string Issue(string path) => _service.IssueToken(ChallengeServices.UserAgent, Client, path, Bits);

    private ValueTask<Redemption> Redeem(string token, string nonce) =>
        _service.RedeemAsync(token, nonce, ChallengeServices.UserAgent, Client);

    private static string FirstNonceWithExactly(string token, int bits)
    {
        for (var nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ProofOfWork.Verify(token, text, bits) && !ProofOfWork.Verify(token, text, bits + 1))
            {
                return text;
            }
        }
    }
}
