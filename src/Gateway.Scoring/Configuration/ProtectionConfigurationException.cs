namespace Gateway.Scoring.Configuration;

/// <summary>Startup failure that lists every configuration problem, one per line.</summary>
public sealed class ProtectionConfigurationException(IReadOnlyList<string> errors)
    : Exception(FormatMessage(errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    private static string FormatMessage(IReadOnlyList<string> errors) =>
        $"Protection configuration has {errors.Count} error(s):{Environment.NewLine}  - " +
        string.Join(Environment.NewLine + "  - ", errors);
}
