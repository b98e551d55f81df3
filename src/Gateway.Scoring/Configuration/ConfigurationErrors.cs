namespace Gateway.Scoring.Configuration;

/// <summary>
/// Collects every configuration and asset problem found at startup so that an operator fixes
/// them all in one go, instead of one restart per mistake.
/// </summary>
public sealed class ConfigurationErrors
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Errors => _errors;
    public IReadOnlyList<string> Warnings => _warnings;
    public bool HasErrors => _errors.Count > 0;

    /// <param name="key">Configuration key, e.g. <c>Protection:Reputation:Lists:2:Path</c>.</param>
    /// <param name="file">File the problem is in, with <c>:line</c> where known.</param>
    public void Add(string key, string message, string? file = null) =>
        _errors.Add(file is null ? $"{key}: {message}" : $"{key}: {file}: {message}");

    /// <summary>A problem in an optional signal: the signal is switched off, not the gateway.</summary>
    public void Warn(string key, string message, string? file = null) =>
        _warnings.Add(file is null ? $"{key}: {message}" : $"{key}: {file}: {message}");

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new ProtectionConfigurationException(_errors);
        }
    }
}
