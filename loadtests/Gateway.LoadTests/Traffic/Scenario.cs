namespace Gateway.LoadTests.Traffic;

/// <summary>
/// Named traffic: one or more phases over the measured duration (a burst in the middle third, say).
/// The warm-up runs the first phase. A request is chosen from its sequence number and its place in
/// time, both of which are the same for every target of a side-by-side run (exactly so in the open
/// model, where send times are planned).
/// </summary>
internal sealed class Scenario
{
    public Scenario(string name, string description, IReadOnlyList<ScenarioPhase> phases)
    {
        if (phases.Count == 0 || phases[0].StartsAt != 0)
        {
            throw new ArgumentException("A scenario's first phase must start at 0.", nameof(phases));
        }
        for (var i = 1; i < phases.Count; i++)
        {
            if (phases[i].StartsAt <= phases[i - 1].StartsAt || phases[i].StartsAt >= 1)
            {
                throw new ArgumentException("Phases must start in increasing order within [0, 1).", nameof(phases));
            }
        }
        Name = name;
        Description = description;
        Phases = phases;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<ScenarioPhase> Phases { get; }

    /// <param name="progress">Share of the measured duration elapsed at the (planned) send time; 0 during warm-up.</param>
    public LoadRequest Next(long sequence, double progress) => PhaseAt(progress).Mix.Next(sequence);

    public ScenarioPhase PhaseAt(double progress)
    {
        var phase = Phases[0];
        for (var i = 1; i < Phases.Count; i++)
        {
            if (progress >= Phases[i].StartsAt)
            {
                phase = Phases[i];
            }
        }
        return phase;
    }

    /// <summary>e.g. "0–33%: Benign 100%; 33–67%: Benign 50%, Stuffing 50%; …".</summary>
    public string DescribePhases()
    {
        var parts = new List<string>(Phases.Count);
        for (var i = 0; i < Phases.Count; i++)
        {
            var end = i + 1 < Phases.Count ? Phases[i + 1].StartsAt : 1.0;
            parts.Add($"{Phases[i].StartsAt * 100:0}–{end * 100:0}% {Phases[i].Label}: {Phases[i].Mix.Describe()}");
        }
        return string.Join("; ", parts);
    }
}
