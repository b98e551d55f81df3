namespace Gateway.LoadTests.Stats;

/// <summary>
/// Reads <c>X-Protection-Decision: &lt;pass|challenge|block&gt;; score=..; reasons=a,b</c> (the action,
/// and which fail-open reasons it names) and the decision time from
/// <c>Server-Timing: protection;dur=&lt;ms&gt;</c>.
/// </summary>
internal static class DecisionHeaderParser
{
    public const string HeaderName = "X-Protection-Decision";
    public const string ServerTimingName = "Server-Timing";
    private const string ReasonsKey = "reasons=";
    private const string ProtectionMetric = "protection";
    private const string DurationKey = "dur=";

    public static DecisionOutcome Parse(string? value)
    {
        if (value is null)
        {
            return DecisionOutcome.None;
        }
        var text = value.AsSpan();
        var separator = text.IndexOf(';');
        var action = (separator < 0 ? text : text[..separator]).Trim();
        if (action.Equals("pass", StringComparison.OrdinalIgnoreCase))
        {
            return DecisionOutcome.Pass;
        }
        if (action.Equals("challenge", StringComparison.OrdinalIgnoreCase))
        {
            return DecisionOutcome.Challenge;
        }
        if (action.Equals("block", StringComparison.OrdinalIgnoreCase))
        {
            return DecisionOutcome.Block;
        }
        return DecisionOutcome.Unrecognised;
    }

    /// <summary>The fail-open reasons among the header's <c>reasons=</c>; None when absent.</summary>
    public static FailOpenCause ParseFailOpen(string? value)
    {
        if (value is null)
        {
            return FailOpenCause.None;
        }
        var causes = FailOpenCause.None;
        foreach (var part in value.Split(';', StringSplitOptions.TrimEntries))
        {
            if (!part.StartsWith(ReasonsKey, StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var reason in part[ReasonsKey.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var (cause, name) in FailOpenCauses.All)
                {
                    if (reason.Equals(name, StringComparison.Ordinal))
                    {
                        causes |= cause;
                    }
                }
            }
        }
        return causes;
    }

    /// <summary>
    /// The <c>protection</c> metric's <c>dur</c> (milliseconds) of a Server-Timing value, in whole
    /// microseconds; -1 when absent or unreadable.
    /// </summary>
    public static long ParseDecisionMicroseconds(string? serverTiming)
    {
        if (serverTiming is null)
        {
            return -1;
        }
        foreach (var metric in serverTiming.Split(',', StringSplitOptions.TrimEntries))
        {
            var parameters = metric.Split(';', StringSplitOptions.TrimEntries);
            if (parameters.Length == 0 || !parameters[0].Equals(ProtectionMetric, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var parameter in parameters.AsSpan(1))
            {
                if (parameter.StartsWith(DurationKey, StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(parameter.AsSpan(DurationKey.Length), System.Globalization.NumberStyles.Float,
                        System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
                    && double.IsFinite(milliseconds) && milliseconds >= 0)
                {
                    return (long)Math.Round(milliseconds * 1000);
                }
            }
        }
        return -1;
    }
}
