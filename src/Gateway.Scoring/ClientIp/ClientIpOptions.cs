namespace Gateway.Scoring.ClientIp;

/// <summary>
/// How the client address is found behind reverse proxies (<c>Protection:ClientIp</c>).
/// Forwarding headers are believed only when the connection comes from a trusted proxy, and
/// each hop in them only as far as the hops to its right are trusted proxies too.
/// </summary>
/// <remarks>
/// Loopback trust is a switch, not a default entry of <see cref="TrustedProxies"/>: configuration
/// binding appends to a pre-filled list, so such a default could not be removed and would shift
/// the index in every error key (<c>TrustedProxies:2</c> would name the operator's first entry).
/// </remarks>
public sealed class ClientIpOptions
{
    /// <summary>
    /// Trust 127.0.0.0/8 and ::1, as ASP.NET Core's forwarded-headers middleware does: a proxy on the
    /// same host (a sidecar, a local nginx) is part of the deployment. Default true.
    /// </summary>
    public bool TrustLoopback { get; set; } = true;

    /// <summary>Addresses or CIDR networks of the proxies in front of the gateway; host bits must be zero. Default none.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Default <c>XForwardedFor, Forwarded</c>: X-Forwarded-For when present, otherwise Forwarded.</summary>
    public ForwardingHeaders Headers { get; set; } = ForwardingHeaders.XForwardedFor | ForwardingHeaders.Forwarded;

    /// <summary>
    /// Most hops read from the right of a forwarding header, in [1, 64]; bounds the work a hostile
    /// header can cause. A chain of trusted proxies longer than this counts as malformed. Default 16.
    /// </summary>
    public int MaxForwardedEntries { get; set; } = 16;
}
