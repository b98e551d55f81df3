namespace Gateway.LoadTests.Traffic;

/// <summary>What a generated request stands for; reports break decisions down by it.</summary>
internal enum TrafficKind
{
    /// <summary>CSIC 2010 normal requests replayed by a population of clients.</summary>
    Benign,
    /// <summary>CSIC 2010 anomalous requests (injections, traversal, probes) from the same population.</summary>
    Attack,
    /// <summary>POST /login with many usernames from a small set of rotating addresses.</summary>
    Stuffing,
    /// <summary>Every request from one address.</summary>
    Flood,
}
