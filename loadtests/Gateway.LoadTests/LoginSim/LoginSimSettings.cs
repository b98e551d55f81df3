namespace Gateway.LoadTests.LoginSim;

/// <summary>How big a simulation is. The defaults are the command's; tests use smaller ones.</summary>
internal sealed record LoginSimSettings
{
    public int Seed { get; init; } = 1;

    /// <summary>Legitimate accounts that log in (at most the demo's 5000 generated accounts).</summary>
    public int Users { get; init; } = 1500;

    public int StuffingAttempts { get; init; } = 1500;
    public int ResidentialStuffingAttempts { get; init; } = 400;
    public int SprayingAttempts { get; init; } = 400;
    public int BruteForceAttempts { get; init; } = 200;

    /// <summary>Wall-clock seconds the whole simulated span is played in.</summary>
    public double DurationSeconds { get; init; } = 60;

    /// <summary>
    /// How much site time the span stands for. The surge windows of the in-process gateway are
    /// scaled by <see cref="DurationSeconds"/> / this, so that they see the traffic they would in real time.
    /// </summary>
    public TimeSpan SimulatedSpan { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Random /24 blocks looked up to find real addresses of each network.</summary>
    public int NetworkSamples { get; init; } = 400_000;
}
