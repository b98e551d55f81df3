using System.Security.Cryptography;
using System.Text;

namespace Gateway.Scoring.Login.Redis;

/// <summary>
/// Lua scripts of a login profile's site-wide counts: one hash (<c>t1 a1 f1 x1</c>: last update,
/// decayed attempts, failures, stopped attempts with the short half-life; <c>t2 a2 f2 x2</c> the
/// same for the baseline) and one HyperLogLog of failing usernames per short period, all under the
/// profile's hash tag, so each script runs on one Redis Cluster node.
/// </summary>
internal static class LoginSiteScripts
{
    /// <summary>KEYS: counters, failing-usernames HLL (this period, previous). The decay to "now" is applied by the caller.</summary>
    public const string ReadText = """
        local v = redis.call('HMGET', KEYS[1], 't1', 'a1', 'f1', 'x1', 't2', 'a2', 'f2', 'x2')
        for i = 1, 8 do v[i] = v[i] or '' end
        v[9] = redis.call('PFCOUNT', KEYS[2], KEYS[3])
        return v
        """;

    /// <summary>
    /// KEYS: counters, this period's failing-usernames HLL. ARGV: now (ms), short half-life (ms),
    /// baseline half-life (ms), outcome (f failure | x stopped | o other), failing member or '',
    /// learn the baseline (1|0), counter TTL (ms), HLL TTL (ms).
    /// </summary>
    public const string WriteText = """
        local now = tonumber(ARGV[1])
        local v = redis.call('HMGET', KEYS[1], 't1', 'a1', 'f1', 'x1', 't2', 'a2', 'f2', 'x2')
        local f = (ARGV[4] == 'f') and 1 or 0
        local x = (ARGV[4] == 'x') and 1 or 0
        local function learn(at, halflife, suffix)
          local t = tonumber(v[at]) or now
          local d = 1
          if now > t then
            d = 2 ^ (-(now - t) / tonumber(halflife))
            t = now
          end
          redis.call('HMSET', KEYS[1], 't' .. suffix, tostring(t),
            'a' .. suffix, tostring((tonumber(v[at + 1]) or 0) * d + 1),
            'f' .. suffix, tostring((tonumber(v[at + 2]) or 0) * d + f),
            'x' .. suffix, tostring((tonumber(v[at + 3]) or 0) * d + x))
        end
        learn(1, ARGV[2], '1')
        if ARGV[6] == '1' then learn(5, ARGV[3], '2') end
        redis.call('PEXPIRE', KEYS[1], ARGV[7])
        if ARGV[5] ~= '' then
          redis.call('PFADD', KEYS[2], ARGV[5])
          redis.call('PEXPIRE', KEYS[2], ARGV[8])
        end
        return 1
        """;

    public static byte[] ReadSha1 { get; } = SHA1.HashData(Encoding.UTF8.GetBytes(ReadText));

    public static byte[] WriteSha1 { get; } = SHA1.HashData(Encoding.UTF8.GetBytes(WriteText));
}
