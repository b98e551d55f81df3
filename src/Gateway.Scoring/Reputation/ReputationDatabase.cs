using System.Net;
using System.Numerics;
using Gateway.Scoring.Addressing;
using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Reputation;

/// <summary>
/// All configured lists merged into one immutable interval array at load: a lookup is one binary
/// search over 128-bit keys, safe from any number of threads. Its answer is remembered per address
/// (<see cref="AddressAnswerCache{TAnswer}"/>), so a client's next requests skip the search.
/// </summary>
internal sealed class ReputationDatabase : IReputationLookup
{
    private readonly ReputationIntervals _intervals;
    private readonly double[] _weights;
    /// <summary>Null when nothing is listed: every answer is then <see cref="ReputationMatch.None"/> at once.</summary>
    private readonly AddressAnswerCache<ReputationMatch>? _answers;

    internal ReputationDatabase(
        IReadOnlyList<ReputationList> lists,
        IReadOnlyList<ReputationListStats> stats,
        ReputationIntervals intervals,
        bool isLoaded)
    {
        Lists = lists;
        ListStats = stats;
        _intervals = intervals;
        IsLoaded = isLoaded;
        _answers = intervals.Count == 0 ? null : new AddressAnswerCache<ReputationMatch>();
        _weights = new double[lists.Count];
        for (var i = 0; i < lists.Count; i++)
        {
            _weights[i] = lists[i].Weight;
        }
    }

    /// <summary>A database that lists nothing: what a failed or switched-off load yields, so that the signal fails open.</summary>
    public static ReputationDatabase Disabled { get; } = new([], [], ReputationIntervals.Empty, isLoaded: false);

    /// <summary>False when the lists could not be loaded; every lookup then returns <see cref="ReputationMatch.None"/>.</summary>
    public bool IsLoaded { get; }

    public IReadOnlyList<ReputationList> Lists { get; }

    /// <summary>Per-list counts, in list order, for startup logs and readiness output.</summary>
    public IReadOnlyList<ReputationListStats> ListStats { get; }

    /// <summary>Disjoint intervals after merging and exemption; memory is about 40 bytes each.</summary>
    public int IntervalCount => _intervals.Count;

    internal ReputationIntervals Intervals => _intervals;

    /// <inheritdoc cref="ReputationDatabaseLoader.Load"/>
    public static ReputationDatabase Load(
        ReputationOptions options, AssetPaths paths, ConfigurationErrors errors, string section = "Protection:Reputation") =>
        ReputationDatabaseLoader.Load(options, paths, errors, section);

    public ReputationMatch Lookup(IPAddress address)
    {
        if (address is null)
        {
            return ReputationMatch.None;
        }
        if (_answers is null)
        {
            return ReputationMatch.None;
        }
        var key = IpAddressBits.ToKey(address);
        if (_answers.TryGet(key, out var cached))
        {
            return cached;
        }
        var match = Match(_intervals.Find(key));
        _answers.Set(key, match);
        return match;
    }

    private ReputationMatch Match(ulong mask)
    {
        if (mask == 0)
        {
            return ReputationMatch.None;
        }
        var strongest = -1;
        var weight = -1.0;
        for (var bits = mask; bits != 0; bits &= bits - 1)
        {
            var list = BitOperations.TrailingZeroCount(bits);
            if (_weights[list] > weight)
            {
                strongest = list;
                weight = _weights[list];
            }
        }
        return new ReputationMatch(mask, strongest, weight);
    }
}
