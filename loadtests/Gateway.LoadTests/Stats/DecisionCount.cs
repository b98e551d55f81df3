using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Stats;

internal sealed record DecisionCount(TrafficKind Kind, DecisionOutcome Decision, long Count);
