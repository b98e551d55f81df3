namespace Gateway.Scoring.Login.Device;

/// <summary>
/// The remembered-device cookie, bound from <c>Protection:Login:Device</c>. After a successful login
/// the gateway sets a signed cookie naming the device and (as keyed hashes) the usernames that signed
/// in on it; a later login for one of those usernames presenting it is owner evidence that does not
/// depend on the network (a traveller's own laptop on a hotel's Wi-Fi).
/// </summary>
public sealed class DeviceOptions
{
    /// <summary>Whether successful logins set the cookie and later logins may present it. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The cookie's name. Default <c>gw_device</c>.</summary>
    public string CookieName { get; set; } = "gw_device";

    /// <summary>How long a cookie vouches after the last successful login that (re)issued it, in days. Default 90.</summary>
    public int LifetimeDays { get; set; } = 90;

    /// <summary>
    /// Usernames one cookie vouches for at most (a family computer); a new one replaces the least
    /// recently signed-in. Default 3.
    /// </summary>
    public int MaxUsernames { get; set; } = 3;
}
