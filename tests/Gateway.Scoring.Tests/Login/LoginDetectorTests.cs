using Gateway.Scoring.Geo;
using Gateway.Scoring.Login;
using Gateway.Scoring.Login.InProcess;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Login;

/// <summary>The detectors over a real in-process store and a manual clock.</summary>
public sealed class LoginDetectorTests
{
    private const double Challenge = 0.4;
    private const double Block = 0.8;
    private static readonly LoginProfile Profile = new("form", new LoginProfileOptions());
    private readonly ManualTimeProvider _time = new();
    private readonly InProcessLoginStore _store;

    public LoginDetectorTests() => _store = new InProcessLoginStore(10_000, _time);

    private static ulong Member(string username) => (ulong)username.GetHashCode(StringComparison.Ordinal) | 1;

    private LoginAttempt Attempt(string ip, string? username, bool hosting = false, GeoInfo geo = default)
    {
        var attempt = new LoginAttempt(Profile, new LoginEntity(LoginEntityKind.Ip, ip), Member(ip),
            new LoginEntity(LoginEntityKind.Subnet, LoginDefence.SubnetOf(System.Net.IPAddress.Parse(ip))!),
            geo.Asn == 0 ? null : new LoginEntity(LoginEntityKind.Asn, geo.Asn.ToString()),
            hosting, hosting, geo)
        {
            Username = username is null ? null : new HashedUsername(username, Member(username)),
        };
        attempt.IpState = _store.Read(attempt.Ip, default);
        attempt.SubnetState = _store.Read(attempt.Subnet!.Value, default);
        attempt.AsnState = attempt.Asn is { } asn ? _store.Read(asn, default) : default;
        attempt.InfrastructureState = hosting ? _store.Read(LoginEntity.Infrastructure, default) : default;
        attempt.UsernameState = username is null ? default : _store.Read(new LoginEntity(LoginEntityKind.Username, username), new LoginReadContext(geo.CountryCode, geo.Asn));
        LoginDetector.Score(attempt, Challenge, Block);
        return attempt;
    }

    private void Learn(LoginAttempt attempt, LoginOutcome outcome)
    {
        var member = attempt.Username?.Member ?? 0;
        var cracked = outcome == LoginOutcome.Success && LoginDetector.LooksCracked(attempt);
        _store.Record(attempt.Ip, new LoginObservation(outcome, member, MarkCracked: cracked));
        _store.Record(attempt.Subnet!.Value, new LoginObservation(outcome, member));
        if (attempt.Asn is { } asn) _store.Record(asn, new LoginObservation(outcome, member));
        if (attempt.OnInfrastructure) _store.Record(LoginEntity.Infrastructure, new LoginObservation(outcome, member));
        if (attempt.Username is { } user)
        {
            _store.Record(new LoginEntity(LoginEntityKind.Username, user.Id),
                new LoginObservation(outcome, attempt.IpMember, attempt.Geo.CountryCode, attempt.Geo.Asn, cracked));
        }
    }

    private static double Risk(LoginAttempt a) =>
        1 - ((1 - a.Stuffing) * (1 - a.Spraying) * (1 - a.BruteForce) * (1 - a.NewLocation) * (1 - a.Cracked) * (1 - a.Hosting));

    [Fact]
    public void StuffingFromOneIp_IsChallengedThenBlockedAsUsernamesGrow()
    {
        var risks = new List<double>();
        for (var i = 0; i < 14; i++)
        {
            var attempt = Attempt("203.0.113.9", $"victim{i}");
            risks.Add(Risk(attempt));
            Learn(attempt, risks[^1] >= Challenge ? LoginOutcome.Stopped : LoginOutcome.Failure);
        }

        Assert.All(risks.Take(4), r => Assert.True(r < Challenge));
        Assert.InRange(risks[4], Challenge, Block);
        Assert.True(risks[^1] >= Block, $"risks: {string.Join(", ", risks)}");
    }

    [Fact]
    public void OfficeBehindOneNat_WithManyUsersAndAFewTypos_IsNotChallenged()
    {
        for (var i = 0; i < 60; i++)
        {
            var user = $"employee{i}";
            if (i % 10 == 0)
            {
                var typo = Attempt("192.0.2.50", user);
                Assert.True(Risk(typo) < Challenge);
                Learn(typo, LoginOutcome.Failure);
            }
            var attempt = Attempt("192.0.2.50", user);
            Assert.True(Risk(attempt) < Challenge, $"user {i}: {Risk(attempt)}");
            Learn(attempt, LoginOutcome.Success);
        }
    }

    [Fact]
    public void BruteForceOnOneAccount_FromOneIp_EscalatesToBlock_AndTheAccountAloneOnlyToChallenge()
    {
        LoginAttempt attempt = Attempt("198.51.100.20", "alice");
        for (var i = 0; i < 20; i++)
        {
            attempt = Attempt("198.51.100.20", "alice");
            Learn(attempt, LoginOutcome.Failure);
        }
        var owner = Attempt("192.0.2.77", "alice");

        Assert.True(Risk(attempt) >= Block);
        Assert.InRange(Risk(owner), Challenge, Block - 0.01);
        Assert.Equal(LoginReasons.BruteForce, owner.StrongestReason());
    }

    [Fact]
    public void SlowBruteForceOnOneAccount_FromManyAddresses_IsChallenged_WhileAPhoneUserChangingAddressesIsNot()
    {
        for (var i = 0; i < 5; i++)
        {
            Learn(Attempt($"198.51.{i}.9", "erin"), LoginOutcome.Failure);
            _time.Advance(TimeSpan.FromMinutes(10));
        }
        for (var i = 0; i < 6; i++)
        {
            var phone = Attempt($"100.{i}.0.1", "frank");
            Learn(phone, i == 2 ? LoginOutcome.Failure : LoginOutcome.Success);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        var attacked = Attempt("198.51.200.9", "erin");
        var phoneUser = Attempt("100.9.0.1", "frank");

        Assert.True(attacked.UsernameState.Failures10m < Profile.Options.UsernameFailuresChallenge);
        Assert.True(Risk(attacked) >= Challenge);
        Assert.Equal(LoginReasons.BruteForce, attacked.StrongestReason());
        Assert.True(Risk(phoneUser) < Challenge);
    }

    [Fact]
    public void HouseholdThatMistypedRepeatedly_RecoversAsTheCountsDecay()
    {
        for (var i = 0; i < 7; i++)
        {
            Learn(Attempt("198.51.100.30", "dad"), LoginOutcome.Failure);
        }
        var challenged = Attempt("198.51.100.30", "dad");

        _time.Advance(TimeSpan.FromMinutes(15));
        var later = Attempt("198.51.100.30", "dad");

        Assert.True(Risk(challenged) >= Challenge);
        Assert.True(Risk(later) < Challenge, $"after 15 min: {Risk(later)}");
    }

    [Fact]
    public void RotatingHostingAddresses_AreCaughtTogetherAsInfrastructure_ButOnlyChallenged()
    {
        var risks = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var ip = $"45.{i % 7}.{i}.{i}";
            var attempt = Attempt(ip, $"leaked{i}", hosting: true, new GeoInfo("NL", (uint)(60000 + (i % 5)), null));
            risks.Add(Risk(attempt));
            Learn(attempt, risks[^1] >= Challenge ? LoginOutcome.Stopped : LoginOutcome.Failure);
        }

        Assert.True(risks.Skip((int)Profile.Options.InfrastructureUsernamesChallenge).All(r => r >= Challenge), string.Join(", ", risks));
        Assert.True(risks.All(r => r < Block));
    }

    [Fact]
    public void HostingCampaign_DoesNotTouchAVpnUserOnAnUninvolvedProvider_NorOneWhoSignedInFromThisProviderBefore()
    {
        var regular = Attempt("45.0.0.200", "vpn-regular", hosting: true, new GeoInfo("NL", 60000, null));
        Learn(regular, LoginOutcome.Success);
        for (var i = 0; i < 40; i++)
        {
            var attempt = Attempt($"45.{i % 7}.{i}.{i}", $"leaked{i}", hosting: true, new GeoInfo("NL", (uint)(60000 + (i % 5)), null));
            Learn(attempt, Risk(attempt) >= Challenge ? LoginOutcome.Stopped : LoginOutcome.Failure);
        }

        var uninvolved = Attempt("51.0.0.9", "vpn-user", hosting: true, new GeoInfo("FR", 16276, null));
        var involvedNewcomer = Attempt("45.0.0.201", "vpn-newcomer", hosting: true, new GeoInfo("NL", 60000, null));
        var involvedRegular = Attempt("45.0.0.202", "vpn-regular", hosting: true, new GeoInfo("NL", 60000, null));

        Assert.True(Risk(uninvolved) < Challenge);
        Assert.True(Risk(involvedNewcomer) >= Challenge);
        Assert.True(Risk(involvedRegular) < Challenge);
    }

    [Fact]
    public void SuccessAfterManyFailures_MarksTheAccountCracked()
    {
        for (var i = 0; i < 6; i++)
        {
            Learn(Attempt($"198.51.100.{100 + i}", "bob"), LoginOutcome.Failure);
        }
        var success = Attempt("198.51.100.200", "bob");
        Learn(success, LoginOutcome.Success);

        var next = Attempt("192.0.2.1", "bob");

        Assert.True(LoginDetector.LooksCracked(success));
        Assert.Equal(Profile.Options.CrackedRisk, next.Cracked);
    }

    [Fact]
    public void NewCountryAndAsn_ForAKnownUsername_AddsRisk_ButNotEnoughToChallengeAlone()
    {
        Learn(Attempt("192.0.2.9", "carol", geo: new GeoInfo("FR", 3215, null)), LoginOutcome.Success);

        var home = Attempt("192.0.2.10", "carol", geo: new GeoInfo("FR", 3215, null));
        var away = Attempt("203.0.113.10", "carol", geo: new GeoInfo("BR", 28573, null));
        var unknownUser = Attempt("203.0.113.11", "dave", geo: new GeoInfo("BR", 28573, null));

        Assert.Equal(0, home.NewLocation);
        Assert.Equal(Profile.Options.NewLocationRisk, away.NewLocation);
        Assert.True(Risk(away) < Challenge);
        Assert.Equal(0, unknownUser.NewLocation);
    }
}
