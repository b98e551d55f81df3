namespace Gateway.Scoring.Features.Resilience;

internal enum CircuitState
{
    /// <summary>Redis answers; reads go to Redis.</summary>
    Closed,

    /// <summary>Redis failed; everything goes to the in-process store until the break ends.</summary>
    Open,

    /// <summary>The break is over and one probe read is testing Redis; other reads stay local.</summary>
    HalfOpen,
}
