using System.Net;

namespace Gateway.Scoring.Reputation;

/// <summary>Which configured blocklists name an address.</summary>
public interface IReputationLookup
{
    /// <summary>Never throws. Allocates nothing for an address asked about recently; at most one small
    /// cache entry otherwise (see <c>Addressing/AddressAnswerCache</c>).</summary>
    ReputationMatch Lookup(IPAddress address);

    /// <summary>The configured lists, indexed as in <see cref="ReputationMatch.ListMask"/>.</summary>
    IReadOnlyList<ReputationList> Lists { get; }
}

/// <param name="Name">Configured name, used in reasons as <c>reputation:NAME</c>.</param>
/// <param name="Category">e.g. attacks, reputation, anonymizers.</param>
/// <param name="Weight">Contribution in [0,1] to the risk score when an address is listed.</param>
public sealed record ReputationList(string Name, string Category, double Weight)
{
    /// <summary>Precomputed so that the hot path builds no strings.</summary>
    public string Reason { get; } = "reputation:" + Name;
}

/// <param name="ListMask">Bit i set when list i names the address (at most 64 lists).</param>
/// <param name="StrongestList">Index of the matching list with the highest weight; -1 when none.</param>
/// <param name="Weight">Weight of the strongest match; 0 when none.</param>
public readonly record struct ReputationMatch(ulong ListMask, int StrongestList, double Weight)
{
    public static ReputationMatch None => new(0, -1, 0);
    public bool IsListed => ListMask != 0;
}
