namespace Gateway.Scoring.Features;

/// <summary>
/// Bucket numbers of one instant, taken from Unix time so that every replica (and Redis) names the
/// same bucket the same way; replicas whose clocks differ by a second disagree by one bucket at most.
/// </summary>
internal readonly record struct BucketIds(long Second)
{
    public static BucketIds At(DateTimeOffset utcNow) => new(utcNow.ToUnixTimeSeconds());

    public long TenSeconds => Second / 10;

    public long Minute => Second / 60;

    /// <summary>0–59: which second of <see cref="Minute"/>.</summary>
    public int SecondOfMinute => (int)(Second % 60);

    /// <summary>0–5: which ten-second bucket of <see cref="Minute"/>.</summary>
    public int TenSecondsOfMinute => SecondOfMinute / 10;
}
