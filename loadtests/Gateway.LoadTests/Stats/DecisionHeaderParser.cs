namespace Gateway.LoadTests.Stats;

/// <summary>Reads the action from <c>X-Protection-Decision: &lt;pass|challenge|block&gt;; score=..; reasons=..</c>.</summary>
internal static class DecisionHeaderParser
{
    public const string HeaderName = "X-Protection-Decision";

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
}
