namespace Gateway.Scoring.ClientIp;

/// <summary>Which forwarding headers name the client. When both are enabled and present, X-Forwarded-For wins.</summary>
[Flags]
public enum ForwardingHeaders
{
    /// <summary>Use the connection's peer address only.</summary>
    None = 0,

    /// <summary><c>X-Forwarded-For: client, proxy1, proxy2</c> (de facto standard, written by most proxies).</summary>
    XForwardedFor = 1,

    /// <summary><c>Forwarded: for=client;proto=https, for=proxy1</c> (RFC 7239).</summary>
    Forwarded = 2,
}
