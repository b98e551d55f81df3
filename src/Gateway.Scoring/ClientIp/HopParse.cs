namespace Gateway.Scoring.ClientIp;

/// <summary>What one hop of a forwarding header says.</summary>
internal enum HopParse
{
    Address,

    /// <summary><c>unknown</c> or an RFC 7239 obfuscated identifier (<c>_hidden</c>): the proxy chose not to say.</summary>
    Obfuscated,

    Malformed,
}
