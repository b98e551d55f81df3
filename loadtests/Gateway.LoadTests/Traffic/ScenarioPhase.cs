namespace Gateway.LoadTests.Traffic;

/// <param name="StartsAt">Share of the measured duration, in [0, 1), at which this phase begins.</param>
internal sealed record ScenarioPhase(double StartsAt, string Label, TrafficMix Mix);
