namespace Gateway.Scoring.Geo.MaxMindDb;

/// <summary>
/// A MaxMind DB file that cannot be read: missing, truncated, corrupt or of an unsupported
/// version. Always names the file, so that an operator knows which of several databases to replace.
/// </summary>
internal sealed class MmdbFormatException(string filePath, string reason, Exception? inner = null)
    : Exception($"MaxMind DB file '{filePath}' cannot be used: {reason}", inner)
{
    public string FilePath { get; } = filePath;

    /// <summary>The problem alone, without the file name (for <c>ConfigurationErrors</c>, which adds it).</summary>
    public string Reason { get; } = reason;
}
