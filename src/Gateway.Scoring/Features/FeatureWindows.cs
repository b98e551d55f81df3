namespace Gateway.Scoring.Features;

/// <summary>
/// The three sliding windows and their buckets, shared by every backend so that they count alike:
/// 10 s in 1 s buckets, 1 min in 10 s buckets, 10 min in 1 min buckets. A window at time t holds
/// the current bucket and the <c>N - 1</c> before it, so it is exact to one bucket.
/// </summary>
internal static class FeatureWindows
{
    public const int SecondBuckets = 10;
    public const int TenSecondBuckets = 6;
    public const int MinuteBuckets = 10;

    /// <summary>Status codes outside this range are not HTTP answers and are not counted.</summary>
    public const int LowestStatusCode = 100;
    public const int HighestStatusCode = 599;
}
