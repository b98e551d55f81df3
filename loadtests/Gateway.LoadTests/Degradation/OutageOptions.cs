using Gateway.LoadTests.Cli;

namespace Gateway.LoadTests.Degradation;

/// <summary>Options of <c>redis-outage</c>: when, in measured seconds, Redis is killed and for how long.</summary>
internal sealed record OutageOptions(TimeSpan At, TimeSpan For)
{
    public static readonly string[] ValueOptions = ["outage-at", "outage-for"];

    /// <param name="duration">The measured duration; by default the outage is its middle third.</param>
    public static OutageOptions Bind(ArgumentList args, TimeSpan duration, List<string> errors)
    {
        var third = duration.TotalSeconds / 3;
        var at = LoadTestOptions.Number(args, "outage-at", third, 0, LoadTestOptions.MaxDurationSeconds, errors);
        var length = LoadTestOptions.Number(args, "outage-for", third, 0.1, LoadTestOptions.MaxDurationSeconds, errors);
        if (at + length > duration.TotalSeconds)
        {
            errors.Add($"--outage-at + --outage-for ({at:0.#} + {length:0.#} s) must end within --duration ({duration.TotalSeconds:0.#} s), so the recovery is measured");
        }
        return new OutageOptions(TimeSpan.FromSeconds(at), TimeSpan.FromSeconds(length));
    }
}
