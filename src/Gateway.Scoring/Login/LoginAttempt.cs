using Gateway.Scoring.Geo;
using Gateway.Scoring.Login.Device;

namespace Gateway.Scoring.Login;

/// <summary>
/// One login attempt through the gateway: who it is (entities), what the store knew before it
/// (states), and what the detectors made of that (contributions, each in [0,1]). Built when the
/// request arrives, scored before the decision, and learned from after the upstream answered.
/// </summary>
internal sealed class LoginAttempt(LoginProfile profile, LoginEntity ip, ulong ipMember, LoginEntity? subnet, LoginEntity? asn,
    bool onInfrastructure, bool isHosting, GeoInfo geo)
{
    public LoginProfile Profile { get; } = profile;
    public LoginEntity Ip { get; } = ip;
    public ulong IpMember { get; } = ipMember;
    public LoginEntity? Subnet { get; } = subnet;
    public LoginEntity? Asn { get; } = asn;

    /// <summary>From a hosting network or an anonymizer: counted in <see cref="LoginEntity.Infrastructure"/>, thresholds lowered.</summary>
    public bool OnInfrastructure { get; } = onInfrastructure;

    public bool IsHosting { get; } = isHosting;
    public GeoInfo Geo { get; } = geo;

    /// <summary>Set once the body prefix was read; null when the username could not be found.</summary>
    public HashedUsername? Username { get; set; }

    public LoginEntityState IpState { get; set; }
    public LoginEntityState SubnetState { get; set; }
    public LoginEntityState AsnState { get; set; }
    public LoginEntityState InfrastructureState { get; set; }
    public LoginEntityState UsernameState { get; set; }
    public LoginSiteState SiteState { get; set; }

    /// <summary>The remembered-device cookie the attempt presented, when valid (signature and age), whatever usernames it names.</summary>
    public DeviceCookie? Device { get; set; }

    /// <summary>A valid device cookie names this username: owner evidence independent of the network.</summary>
    public bool DeviceVouched { get; set; }

    /// <summary>The profile was under a site-wide attack when this attempt was scored.</summary>
    public bool UnderSurge { get; set; }

    /// <summary>True once every read finished and the contributions below are filled in.</summary>
    public bool Assessed { get; set; }

    public double Stuffing { get; set; }
    public double Spraying { get; set; }
    public double BruteForce { get; set; }
    public double NewLocation { get; set; }
    public double Cracked { get; set; }
    public double Hosting { get; set; }
    public double Surge { get; set; }

    /// <summary>The strongest detector's reason, or null when none scored.</summary>
    public string? StrongestReason()
    {
        var best = 0.0;
        string? reason = null;
        void Consider(double value, string name)
        {
            if (value > best)
            {
                (best, reason) = (value, name);
            }
        }
        Consider(Stuffing, LoginReasons.Stuffing);
        Consider(Spraying, LoginReasons.Spraying);
        Consider(BruteForce, LoginReasons.BruteForce);
        Consider(NewLocation, LoginReasons.NewLocation);
        Consider(Cracked, LoginReasons.Cracked);
        Consider(Surge, LoginReasons.Surge);
        return reason;
    }
}
