namespace Gateway.Scoring.Login;

/// <summary>
/// The windows every login store counts in, shared by the backends so that they agree.
/// Counts decay exponentially: the short window has a half-life of 10 minutes (brute force and
/// stuffing: a household that mistyped a password a few times is back to normal within half an
/// hour), the long one of 1 hour (low-and-slow spraying). Distinct counts (HyperLogLog) cover the
/// current and the previous period of 10 minutes (short) or 1 hour (long), so between one and two
/// periods.
/// </summary>
public static class LoginWindows
{
    public static readonly TimeSpan ShortHalfLife = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LongHalfLife = TimeSpan.FromHours(1);
    public static readonly TimeSpan ShortPeriod = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LongPeriod = TimeSpan.FromHours(1);

    /// <summary>How long a username's successful countries and ASNs are remembered.</summary>
    public static readonly TimeSpan LocationMemory = TimeSpan.FromDays(30);

    /// <summary>How long a success after many failures marks the account and the IP as cracked.</summary>
    public static readonly TimeSpan CrackedMemory = TimeSpan.FromHours(1);

    /// <summary>Counters are dropped once they have decayed to nothing worth keeping (about 1/256 of the long window).</summary>
    public static readonly TimeSpan CounterLifetime = TimeSpan.FromHours(8);

    /// <summary>Countries plus ASNs kept per username; the oldest is forgotten beyond this.</summary>
    public const int MaxLocations = 32;

    public static long ShortPeriodAt(long unixMilliseconds) => unixMilliseconds / (long)ShortPeriod.TotalMilliseconds;

    public static long LongPeriodAt(long unixMilliseconds) => unixMilliseconds / (long)LongPeriod.TotalMilliseconds;

    /// <summary>Factor by which a count decays over <paramref name="elapsedMilliseconds"/>.</summary>
    public static double Decay(long elapsedMilliseconds, TimeSpan halfLife) =>
        elapsedMilliseconds <= 0 ? 1.0 : Math.Pow(2, -elapsedMilliseconds / halfLife.TotalMilliseconds);
}
