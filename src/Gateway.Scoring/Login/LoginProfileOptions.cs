namespace Gateway.Scoring.Login;

/// <summary>
/// One login profile under <c>Protection:Login:Profiles:NAME</c>. A YARP route becomes a login route
/// with the metadata key <c>ProtectionLogin</c> naming a profile. Counts below are of the sliding
/// windows in <see cref="LoginWindows"/> (10 min and 1 h half-lives); a detector challenges at its
/// first threshold, escalates to block at its second, and both are halved for clients on hosting
/// networks or anonymizers (<see cref="PriorFactor"/>).
/// </summary>
public sealed class LoginProfileOptions
{
    /// <summary>Name of the form field or JSON property holding the username. Default <c>username</c>.</summary>
    public string UsernameField { get; set; } = "username";

    /// <summary>Default <see cref="UsernameSource.Form"/>.</summary>
    public UsernameSource UsernameSource { get; set; } = UsernameSource.Form;

    /// <summary>
    /// Upstream status codes that mean "wrong credentials". Default (when unset) 401, 403. Not
    /// pre-filled, because configuration binding appends to an array instead of replacing it.
    /// </summary>
    public int[]? FailureStatusCodes { get; set; }

    internal int[] EffectiveFailureStatusCodes => FailureStatusCodes ?? [401, 403];

    /// <summary>
    /// When set, a redirect (3xx) whose Location path is this path means failure (apps that send the
    /// user back to the login page). Default none.
    /// </summary>
    public string? FailureRedirectPath { get; set; }

    /// <summary>Largest body prefix read to find the username; the body still reaches the upstream whole. Default 4096.</summary>
    public int MaxBodyBytes { get; set; } = 4096;

    /// <summary>Share of answered attempts that failed, below which many usernames are not stuffing (an office behind one NAT). Default 0.5.</summary>
    public double MinFailureRatio { get; set; } = 0.5;

    /// <summary>Distinct failing usernames from one IP in the short window: challenge / block. Default 4 / 10.</summary>
    public double IpUsernamesChallenge { get; set; } = 4;

    /// <inheritdoc cref="IpUsernamesChallenge"/>
    public double IpUsernamesBlock { get; set; } = 10;

    /// <summary>Distinct failing usernames from one /24 (IPv4) or /64 (IPv6) in the short window: challenge / block. Default 6 / 20.</summary>
    public double SubnetUsernamesChallenge { get; set; } = 6;

    /// <inheritdoc cref="SubnetUsernamesChallenge"/>
    public double SubnetUsernamesBlock { get; set; } = 20;

    /// <summary>
    /// Distinct failing usernames from one autonomous system in the short window before its logins
    /// are challenged (never blocked: an AS is many people). Hosting ASNs: halved. Default 30.
    /// </summary>
    public double AsnUsernamesChallenge { get; set; } = 30;

    /// <summary>
    /// Distinct failing usernames from all hosting networks and anonymizers together in the short
    /// window before their logins are challenged (never blocked). Catches stuffing that rotates over
    /// many hosting providers. Default 12.
    /// </summary>
    public double InfrastructureUsernamesChallenge { get; set; } = 12;

    /// <summary>The long-window (spraying) thresholds are the short-window ones times this. Default 2.</summary>
    public double SprayingFactor { get; set; } = 2;

    /// <summary>Failed logins from one IP in the short window (with <see cref="MinFailureRatio"/>): challenge / block. Default 6 / 15.</summary>
    public double IpFailuresChallenge { get; set; } = 6;

    /// <inheritdoc cref="IpFailuresChallenge"/>
    public double IpFailuresBlock { get; set; } = 15;

    /// <summary>
    /// Failed logins on one username from anywhere in the short window before logins to it are
    /// challenged. Never blocked on the username alone, so an attacker cannot lock the owner out. Default 6.
    /// </summary>
    public double UsernameFailuresChallenge { get; set; } = 6;

    /// <summary>
    /// Distinct addresses failing on one username in the long window (with <see cref="MinFailureRatio"/>):
    /// a distributed, slow brute force. Challenge only, like every username-only evidence. Default 5.
    /// </summary>
    public double UsernameAddressesChallenge { get; set; } = 5;

    /// <summary>Failures on the username (short window) before a success counts as a cracked credential. Default 5.</summary>
    public double CrackedAfterFailures { get; set; } = 5;

    /// <summary>Risk of logins to a username, or from an IP, that recently succeeded after many failures. Default 0.6.</summary>
    public double CrackedRisk { get; set; } = 0.6;

    /// <summary>Risk of a login from a country and an ASN the username never succeeded from (30 days). Default 0.25.</summary>
    public double NewLocationRisk { get; set; } = 0.25;

    /// <summary>Risk of any login from a hosting network (datacenter ASN). Default 0.15.</summary>
    public double HostingRisk { get; set; } = 0.15;

    /// <summary>Thresholds are multiplied by this for hosting networks and anonymizers (Tor). Default 0.5.</summary>
    public double PriorFactor { get; set; } = 0.5;

    /// <summary>Site-wide attack detection (<c>login.surge</c>). Default: on, with <see cref="LoginSurgeOptions"/>' defaults.</summary>
    public LoginSurgeOptions Surge { get; set; } = new();
}
