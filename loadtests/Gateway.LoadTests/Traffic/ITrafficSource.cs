namespace Gateway.LoadTests.Traffic;

/// <summary>Produces the request for a sequence number. Deterministic: the same number always gives
/// the same request, so side-by-side targets receive the same traffic.</summary>
internal interface ITrafficSource
{
    TrafficKind Kind { get; }

    LoadRequest Next(long sequence);
}
