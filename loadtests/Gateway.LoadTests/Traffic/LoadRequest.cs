namespace Gateway.LoadTests.Traffic;

/// <summary>One request to send.</summary>
/// <param name="Target">Origin-form path and query, already in wire form (ASCII, no fragment).</param>
/// <param name="ForwardedFor">The simulated client, sent as <c>X-Forwarded-For</c> (the gateway trusts loopback peers by default).</param>
internal sealed record LoadRequest(
    TrafficKind Kind,
    string Method,
    string Target,
    byte[]? Body,
    string? ContentType,
    string? ForwardedFor);
