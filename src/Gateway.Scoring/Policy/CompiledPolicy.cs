using System.Collections.Frozen;

namespace Gateway.Scoring.Policy;

/// <summary>A validated policy with its lookups built once, so the hot path only reads.</summary>
internal sealed class CompiledPolicy
{
    public CompiledPolicy(string name, PolicyOptions options)
    {
        Name = name;
        Options = options;
        Budget = TimeSpan.FromMilliseconds(options.BudgetMilliseconds);
        BlockedCountries = options.BlockedCountries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        RiskyCountries = options.RiskyCountries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        RiskyAsns = options.RiskyAsns.ToFrozenSet();
    }

    public string Name { get; }
    public PolicyOptions Options { get; }
    public TimeSpan Budget { get; }
    public FrozenSet<string> BlockedCountries { get; }
    public FrozenSet<string> RiskyCountries { get; }
    public FrozenSet<uint> RiskyAsns { get; }
    /// <summary>The application profile the policy names, attached once at startup (<c>Profile/ProfileCatalog</c>).</summary>
    public Profile.AppProfile? Profile { get; internal set; }
    public bool IsMonitor => Options.Mode == PolicyMode.Monitor;
    public bool FailsClosed => Options.FailureMode == FailureMode.Closed;
}
