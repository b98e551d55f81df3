using System.Globalization;
using StackExchange.Redis;

namespace Gateway.Scoring.Login.Redis;

/// <summary>
/// Key layout of one entity: <c>{prefix}:{L:tag}:c</c> (hash: <c>t</c> last update in ms, decayed
/// <c>a1 f1 s1</c> attempts, failures, successes with the 10 min half-life, <c>a2 f2 s2</c> with the
/// 1 h one, <c>k</c> cracked-at), <c>…:s:{period}</c> and <c>…:l:{period}</c> (HyperLogLogs of
/// distinct counterparts per 10 min and per hour), and <c>…:loc</c> (hash: a username's countries
/// and ASNs of successful logins). The braces make <c>L:tag</c> the Redis Cluster hash tag, so all
/// keys of one entity share a slot; entity ids never contain braces. A login profile's site-wide
/// counts live under <c>{prefix}:{L:p:NAME}:</c> (see <see cref="LoginSiteScripts"/>).
/// </summary>
internal static class LoginRedisKeys
{
    public static RedisKey[] ForRead(string prefix, LoginEntity entity, long nowMilliseconds)
    {
        var root = Root(prefix, entity);
        var shortPeriod = LoginWindows.ShortPeriodAt(nowMilliseconds);
        var longPeriod = LoginWindows.LongPeriodAt(nowMilliseconds);
        return
        [
            root + "c",
            Period(root, 's', shortPeriod), Period(root, 's', shortPeriod - 1),
            Period(root, 'l', longPeriod), Period(root, 'l', longPeriod - 1),
            root + "loc",
        ];
    }

    public static RedisKey[] ForWrite(string prefix, LoginEntity entity, long nowMilliseconds)
    {
        var root = Root(prefix, entity);
        return
        [
            root + "c",
            Period(root, 's', LoginWindows.ShortPeriodAt(nowMilliseconds)),
            Period(root, 'l', LoginWindows.LongPeriodAt(nowMilliseconds)),
            root + "loc",
        ];
    }

    /// <summary>A profile's site-wide counters and its failing-usernames HLL of this and the previous short period.</summary>
    public static RedisKey[] SiteForRead(string prefix, string profile, long nowMilliseconds)
    {
        var root = SiteRoot(prefix, profile);
        var period = LoginWindows.ShortPeriodAt(nowMilliseconds);
        return [root + "c", Period(root, 'f', period), Period(root, 'f', period - 1)];
    }

    public static RedisKey[] SiteForWrite(string prefix, string profile, long nowMilliseconds)
    {
        var root = SiteRoot(prefix, profile);
        return [root + "c", Period(root, 'f', LoginWindows.ShortPeriodAt(nowMilliseconds))];
    }

    /// <summary><c>{prefix}:{L:p:NAME}:</c>; profile names never contain braces (checked at startup).</summary>
    private static string SiteRoot(string prefix, string profile) => $"{prefix}:{{L:p:{profile}}}:";

    private static string Root(string prefix, LoginEntity entity) => $"{prefix}:{{L:{entity.Tag}}}:";

    private static string Period(string root, char kind, long period) =>
        string.Create(CultureInfo.InvariantCulture, $"{root}{kind}:{period}");
}
