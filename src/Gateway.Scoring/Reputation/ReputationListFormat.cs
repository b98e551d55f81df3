namespace Gateway.Scoring.Reputation;

/// <summary>Line format of a list file. <c>#</c> and <c>;</c> start comments in every format.</summary>
public enum ReputationListFormat
{
    /// <summary>Per line: an entry alone is <see cref="Plain"/>, an entry then a count is <see cref="Ipsum"/>.</summary>
    Auto,

    /// <summary>FireHOL netset/ipset style: one IPv4/IPv6 address or CIDR per line.</summary>
    Plain,

    /// <summary>IPsum style: <c>&lt;address&gt;&lt;TAB&gt;&lt;count&gt;</c>; entries below the list's MinCount are skipped.</summary>
    Ipsum,
}
