using Gateway.LoadTests.Stats;

namespace Gateway.LoadTests.Reports;

/// <summary>One run of the tool: the scenario and load it drove, and what each target did.</summary>
/// <param name="Baseline">Target the others are compared with (side by side: bare YARP); null for a single target.</param>
/// <param name="Notes">Facts a reader must know to trust the figures (e.g. the store state each gateway reported after its run).</param>
internal sealed record RunReport(
    string Title,
    string Scenario,
    string ScenarioDescription,
    string ScenarioPhases,
    string Load,
    double WarmUpSeconds,
    double DurationSeconds,
    long MaxRequests,
    int Clients,
    ulong Seed,
    RunEnvironment Environment,
    IReadOnlyList<RunSummary> Targets,
    string? Baseline,
    IReadOnlyList<string> Notes)
{
    public IReadOnlyList<ComparisonRow> Comparison() => ComparisonRow.Against(Baseline, Targets);
}
