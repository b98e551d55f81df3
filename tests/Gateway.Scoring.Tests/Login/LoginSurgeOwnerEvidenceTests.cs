using Gateway.Scoring.Geo;
using Gateway.Scoring.Login;
using Gateway.Scoring.Login.InProcess;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Login;

/// <summary>
/// Under a site-wide attack, logins without evidence of being the owner's are challenged (never
/// blocked); the owner signing in from a /24 or ASN they used before passes. Real in-process store.
/// </summary>
public sealed class LoginSurgeOwnerEvidenceTests
{
    private const double Challenge = 0.4;
    private const double Block = 0.8;
    private const uint HomeAsn = 7922;

    /// <summary>Counts of a site in the middle of a stuffing attack: 80% of recent attempts failing against a 10% baseline.</summary>
    private static readonly LoginSiteState Attack = new(100, 60, 20, 1000, 100, 0, 60);

    private static readonly LoginSiteState Calm = new(100, 10, 0, 1000, 100, 0, 10);

    private readonly ManualTimeProvider _time = new();
    private readonly InProcessLoginStore _store;
    private readonly LoginProfile _profile = new("form", new LoginProfileOptions());

    public LoginSurgeOwnerEvidenceTests()
    {
        _store = new InProcessLoginStore(10_000, _time);
        // alice signed in from home before.
        _store.Record(User("alice"), new LoginObservation(LoginOutcome.Success, 1, "US", HomeAsn, Subnet: "198.51.100.0/24"));
    }

    private static LoginEntity User(string name) => new(LoginEntityKind.Username, name);

    private LoginAttempt Score(string ip, string? username, uint asn, LoginSiteState site)
    {
        var subnet = LoginDefence.SubnetOf(System.Net.IPAddress.Parse(ip))!;
        var geo = new GeoInfo("US", asn, null);
        var attempt = new LoginAttempt(_profile, new LoginEntity(LoginEntityKind.Ip, ip), 7, new LoginEntity(LoginEntityKind.Subnet, subnet),
            new LoginEntity(LoginEntityKind.Asn, asn.ToString(System.Globalization.CultureInfo.InvariantCulture)), false, false, geo)
        {
            Username = username is null ? null : new HashedUsername(username, 11),
            SiteState = site,
        };
        if (username is not null)
        {
            attempt.UsernameState = _store.Read(User(username), new LoginReadContext("US", asn, subnet));
        }
        LoginDetector.Score(attempt, Challenge, Block);
        return attempt;
    }

    [Fact]
    public void UnderAttack_AnUnknownAccount_IsChallenged_NotBlocked()
    {
        var attempt = Score("203.0.113.5", "nobody@example", 3320, Attack);

        Assert.True(attempt.UnderSurge);
        Assert.InRange(attempt.Surge, Challenge, Block - 0.01);
        Assert.Equal(LoginReasons.Surge, attempt.StrongestReason());
    }

    [Fact]
    public void UnderAttack_TheOwnerFromTheirUsualSubnet_Passes()
    {
        var attempt = Score("198.51.100.77", "alice", 64500, Attack);

        Assert.True(attempt.UnderSurge);
        Assert.Equal(0, attempt.Surge);
    }

    [Fact]
    public void UnderAttack_TheOwnerFromTheirUsualAsn_OnANewAddress_Passes()
    {
        var attempt = Score("192.0.2.14", "alice", HomeAsn, Attack);

        Assert.Equal(0, attempt.Surge);
    }

    [Fact]
    public void UnderAttack_TheOwnerOnANewNetwork_IsChallenged()
    {
        var attempt = Score("203.0.113.5", "alice", 3320, Attack);

        Assert.InRange(attempt.Surge, Challenge, Block - 0.01);
    }

    [Fact]
    public void UnderAttack_AnAttemptWithoutAUsername_IsChallenged()
    {
        Assert.InRange(Score("203.0.113.5", null, 3320, Attack).Surge, Challenge, Block - 0.01);
    }

    [Fact]
    public void WithoutAnAttack_ANewNetworkIsNotChallengedByTheSurge()
    {
        var attempt = Score("203.0.113.5", "nobody@example", 3320, Calm);

        Assert.False(attempt.UnderSurge);
        Assert.Equal(0, attempt.Surge);
    }
}
