using Gateway.Scoring.Login.Device;

namespace Gateway.Scoring.Login;

/// <summary>Login defence, bound from <c>Protection:Login</c>.</summary>
public sealed class LoginOptions
{
    /// <summary>YARP route metadata key naming a route's login profile.</summary>
    public const string RouteMetadataKey = "ProtectionLogin";

    /// <summary>Named login profiles; routes pick one with the metadata key <c>ProtectionLogin</c>.</summary>
    public Dictionary<string, LoginProfileOptions> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Base64 key (at least 16 bytes) of the keyed hash that turns usernames into store keys, so that
    /// neither Redis nor memory holds a username in clear. Replicas that share Redis need the same key.
    /// Default empty: a random key per process (a warning when Redis is configured).
    /// </summary>
    public string UsernameKey { get; set; } = string.Empty;

    /// <summary>Autonomous systems treated as hosting networks (a prior, not a verdict). Default: <see cref="HostingAsns.Default"/>.</summary>
    public uint[]? HostingAsns { get; set; }

    /// <summary>The remembered-device cookie: owner evidence that does not depend on the network.</summary>
    public DeviceOptions Device { get; set; } = new();

    /// <summary>Entities (IPs, subnets, ASNs, usernames) the in-process store tracks at most. Default 200000.</summary>
    public int MaxTrackedEntities { get; set; } = 200_000;
}
