using Gateway.Scoring.Geo;
using Gateway.Scoring.Login;
using Gateway.Scoring.Login.Device;
using Gateway.Scoring.Login.InProcess;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Login.Device;

/// <summary>
/// A remembered-device cookie naming the username is owner evidence: the surge and the new
/// location leave it alone. Evidence about the client's own IP or subnet still applies in full.
/// Real in-process store, real cookies.
/// </summary>
public sealed class DeviceOwnerEvidenceTests
{
    private const double Challenge = 0.4;
    private const double Block = 0.8;
    private const uint HomeAsn = 7922;

    /// <summary>80% of recent attempts failing against a 10% baseline.</summary>
    private static readonly LoginSiteState Attack = new(100, 60, 20, 1000, 100, 0, 60);

    private static readonly UsernameHasher Hasher = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly ManualTimeProvider _time = new();
    private readonly InProcessLoginStore _store;
    private readonly DeviceCookies _devices;
    private readonly LoginProfile _profile = new("form", new LoginProfileOptions());
    private readonly HashedUsername _alice = Hasher.Hash("alice")!.Value;
    private readonly string _alicesLaptop;

    public DeviceOwnerEvidenceTests()
    {
        _store = new InProcessLoginStore(10_000, _time);
        _devices = new DeviceCookies(new DeviceOptions(), Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), _time);
        // alice signed in from home before, on her laptop.
        _store.Record(User(_alice), new LoginObservation(LoginOutcome.Success, 1, "US", HomeAsn, Subnet: "198.51.100.0/24"));
        _alicesLaptop = _devices.Issue(null, _alice);
    }

    private static LoginEntity User(HashedUsername user) => new(LoginEntityKind.Username, user.Id);

    private LoginAttempt Score(string ip, HashedUsername user, string? cookie, LoginSiteState site, string country = "US", uint asn = 3320)
    {
        var subnet = LoginDefence.SubnetOf(System.Net.IPAddress.Parse(ip))!;
        var attempt = new LoginAttempt(_profile, new LoginEntity(LoginEntityKind.Ip, ip), 7, new LoginEntity(LoginEntityKind.Subnet, subnet),
            new LoginEntity(LoginEntityKind.Asn, asn.ToString(System.Globalization.CultureInfo.InvariantCulture)), false, false, new GeoInfo(country, asn, null))
        {
            Username = user,
            SiteState = site,
        };
        attempt.IpState = _store.Read(attempt.Ip, LoginReadContext.None);
        attempt.SubnetState = _store.Read(attempt.Subnet!.Value, LoginReadContext.None);
        attempt.UsernameState = _store.Read(User(user), new LoginReadContext(country, asn, subnet));
        var status = _devices.Check(cookie, user, out var device);
        attempt.Device = device;
        attempt.DeviceVouched = status == DeviceCookieStatus.Vouches;
        LoginDetector.Score(attempt, Challenge, Block);
        return attempt;
    }

    [Fact]
    public void UnderAttack_TheOwnerOnANewNetwork_WithTheirDeviceCookie_Passes()
    {
        var attempt = Score("203.0.113.5", _alice, _alicesLaptop, Attack);

        Assert.True(attempt.UnderSurge);
        Assert.True(attempt.DeviceVouched);
        Assert.Equal(0, attempt.Surge);
    }

    [Fact]
    public void UnderAttack_TheSameAttemptWithoutTheCookie_IsChallenged()
    {
        var attempt = Score("203.0.113.5", _alice, cookie: null, Attack);

        Assert.InRange(attempt.Surge, Challenge, Block - 0.01);
    }

    [Fact]
    public void UnderAttack_AStolenCookie_DoesNotHelpAnotherAccount()
    {
        var attempt = Score("203.0.113.5", Hasher.Hash("bob")!.Value, _alicesLaptop, Attack);

        Assert.False(attempt.DeviceVouched);
        Assert.InRange(attempt.Surge, Challenge, Block - 0.01);
    }

    [Fact]
    public void UnderAttack_AnExpiredCookie_IsIgnored()
    {
        _time.Advance(TimeSpan.FromDays(91));

        Assert.InRange(Score("203.0.113.5", _alice, _alicesLaptop, Attack).Surge, Challenge, Block - 0.01);
    }

    [Fact]
    public void TheDeviceCookie_SoftensANewLocation()
    {
        var without = Score("203.0.113.5", _alice, null, LoginSiteState.Empty, country: "FR");
        var with = Score("203.0.113.5", _alice, _alicesLaptop, LoginSiteState.Empty, country: "FR");

        Assert.True(without.NewLocation > 0);
        Assert.Equal(0, with.NewLocation);
    }

    [Fact]
    public void TheDeviceCookie_DoesNotExemptFromTheAddressesOwnStuffingEvidence()
    {
        // The address tried 40 usernames, all failing: stuffing, whoever holds a cookie.
        var ip = new LoginEntity(LoginEntityKind.Ip, "203.0.113.5");
        for (var i = 0; i < 40; i++)
        {
            _store.Record(ip, new LoginObservation(LoginOutcome.Failure, (ulong)(i + 1) * 7919));
        }

        var attempt = Score("203.0.113.5", _alice, _alicesLaptop, Attack);

        Assert.True(attempt.DeviceVouched);
        Assert.Equal(0, attempt.Surge);
        Assert.True(attempt.Stuffing >= Block, $"stuffing {attempt.Stuffing}");
        Assert.Equal(LoginReasons.Stuffing, attempt.StrongestReason());
    }

    [Fact]
    public void TheDeviceCookie_DoesNotExemptFromTheAddressesBruteForceEvidence()
    {
        var ip = new LoginEntity(LoginEntityKind.Ip, "203.0.113.5");
        for (var i = 0; i < 60; i++)
        {
            _store.Record(ip, new LoginObservation(LoginOutcome.Failure, 4242));
        }

        var attempt = Score("203.0.113.5", _alice, _alicesLaptop, LoginSiteState.Empty);

        Assert.True(attempt.DeviceVouched);
        Assert.True(attempt.BruteForce >= Challenge, $"brute force {attempt.BruteForce}");
    }
}
