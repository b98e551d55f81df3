using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Reputation;

/// <summary>Reports asset problems as errors, or as warnings when the signal is optional.</summary>
internal readonly struct ProblemReporter(ConfigurationErrors errors, bool asWarnings)
{
    public void Report(string key, string message, string? file = null)
    {
        if (asWarnings)
        {
            errors.Warn(key, message, file);
        }
        else
        {
            errors.Add(key, message, file);
        }
    }
}
