using System.Globalization;
using StackExchange.Redis;

namespace Gateway.Scoring.Features.Redis;

/// <summary>
/// Key layout: <c>{prefix}:{{tag}}:m:{minute}</c> is a hash of one minute's counters (fields
/// <c>r</c> requests, <c>x</c> responses, <c>c</c> 4xx, <c>e</c> 5xx, <c>s0</c>–<c>s59</c> per
/// second, <c>t0</c>–<c>t5</c> per 10 s) and <c>{prefix}:{{tag}}:p:{minute}</c> a HyperLogLog of
/// that minute's path hashes. The braces make the client's tag the Redis Cluster hash tag, so all
/// keys of one client live in one slot; <see cref="ClientTag"/> guarantees the tag has no braces.
/// Per-second counts ride in the minute hash so that a read needs 20 keys instead of 36.
/// </summary>
internal static class RedisKeys
{
    public static readonly RedisValue Requests = "r";
    public static readonly RedisValue Responses = "x";
    public static readonly RedisValue ClientErrors = "c";
    public static readonly RedisValue ServerErrors = "e";

    /// <summary><c>s0</c>…<c>s59</c>, built once.</summary>
    public static readonly RedisValue[] SecondFields = Fields('s', 60);

    /// <summary><c>t0</c>…<c>t5</c>, built once.</summary>
    public static readonly RedisValue[] TenSecondFields = Fields('t', 6);

    /// <summary>
    /// A minute bucket is read for the 10 minutes that start with it; one more minute covers
    /// replicas whose clocks run behind.
    /// </summary>
    public static readonly TimeSpan MinuteKeyLifetime = TimeSpan.FromMinutes(FeatureWindows.MinuteBuckets + 1);

    public static string Counters(string prefix, string tag, long minute) => Key(prefix, tag, 'm', minute);

    public static string Paths(string prefix, string tag, long minute) => Key(prefix, tag, 'p', minute);

    /// <summary>The 20 keys of <see cref="ReadFeaturesScript"/>.</summary>
    public static RedisKey[] ForRead(string prefix, string tag, long currentMinute)
    {
        const int minutes = ReadFeaturesScript.MinuteKeys;
        var keys = new RedisKey[minutes * 2];
        for (var i = 0; i < minutes; i++)
        {
            var minute = currentMinute - (minutes - 1) + i;
            keys[i] = Counters(prefix, tag, minute);
            keys[minutes + i] = Paths(prefix, tag, minute);
        }
        return keys;
    }

    private static string Key(string prefix, string tag, char kind, long minute) =>
        string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{prefix}:{{{tag}}}:{kind}:{minute}");

    private static RedisValue[] Fields(char kind, int count)
    {
        var fields = new RedisValue[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = string.Create(CultureInfo.InvariantCulture, $"{kind}{i}");
        }
        return fields;
    }
}
