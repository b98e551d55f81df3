using System.Security.Cryptography;
using System.Text;

namespace Gateway.Scoring.Login.Redis;

/// <summary>
/// The Lua scripts of the Redis login store. Each touches the keys of ONE entity only, all sharing
/// the entity's hash tag, so each runs on one Redis Cluster node; a login request runs one read per
/// entity, sent together.
/// </summary>
internal static class LoginScripts
{
    /// <summary>
    /// KEYS: counters, short-period HLL (this period, previous), long-period HLL (this, previous), locations.
    /// ARGV: country field or '', ASN field or '', subnet field or ''. The decay to "now" is applied by the caller.
    /// </summary>
    public const string ReadText = """
        local v = redis.call('HMGET', KEYS[1], 't', 'a1', 'f1', 's1', 'a2', 'f2', 's2', 'k')
        for i = 1, 8 do v[i] = v[i] or '' end
        v[9] = redis.call('PFCOUNT', KEYS[2], KEYS[3])
        v[10] = redis.call('PFCOUNT', KEYS[4], KEYS[5])
        v[11] = redis.call('HLEN', KEYS[6])
        v[12] = (ARGV[1] ~= '' and redis.call('HEXISTS', KEYS[6], ARGV[1])) or 0
        v[13] = (ARGV[2] ~= '' and redis.call('HEXISTS', KEYS[6], ARGV[2])) or 0
        v[14] = (ARGV[3] ~= '' and redis.call('HEXISTS', KEYS[6], ARGV[3])) or 0
        return v
        """;

    /// <summary>
    /// KEYS: counters, this short period's HLL, this long period's HLL, locations.
    /// ARGV: now (ms), short half-life (ms), long half-life (ms), outcome (f|s|o), member or '',
    /// counter TTL (ms), short HLL TTL, long HLL TTL, cracked (1|0), country field or '',
    /// ASN field or '', locations TTL (ms), most locations kept, subnet field or ''.
    /// </summary>
    public const string WriteText = """
        local now = tonumber(ARGV[1])
        local v = redis.call('HMGET', KEYS[1], 't', 'a1', 'f1', 's1', 'a2', 'f2', 's2')
        local t = tonumber(v[1]) or now
        local ds, dl = 1, 1
        if now > t then
          ds = 2 ^ (-(now - t) / tonumber(ARGV[2]))
          dl = 2 ^ (-(now - t) / tonumber(ARGV[3]))
          t = now
        end
        local f = (ARGV[4] == 'f') and 1 or 0
        local s = (ARGV[4] == 's') and 1 or 0
        local function d(i, factor, add) return tostring((tonumber(v[i]) or 0) * factor + add) end
        redis.call('HMSET', KEYS[1], 't', tostring(t),
          'a1', d(2, ds, 1), 'f1', d(3, ds, f), 's1', d(4, ds, s),
          'a2', d(5, dl, 1), 'f2', d(6, dl, f), 's2', d(7, dl, s))
        if ARGV[9] == '1' then redis.call('HSET', KEYS[1], 'k', ARGV[1]) end
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        if ARGV[5] ~= '' then
          redis.call('PFADD', KEYS[2], ARGV[5])
          redis.call('PEXPIRE', KEYS[2], ARGV[7])
          redis.call('PFADD', KEYS[3], ARGV[5])
          redis.call('PEXPIRE', KEYS[3], ARGV[8])
        end
        if s == 1 and (ARGV[10] ~= '' or ARGV[11] ~= '' or ARGV[14] ~= '') then
          if ARGV[10] ~= '' then redis.call('HSET', KEYS[4], ARGV[10], ARGV[1]) end
          if ARGV[11] ~= '' then redis.call('HSET', KEYS[4], ARGV[11], ARGV[1]) end
          if ARGV[14] ~= '' then redis.call('HSET', KEYS[4], ARGV[14], ARGV[1]) end
          redis.call('PEXPIRE', KEYS[4], ARGV[12])
          while redis.call('HLEN', KEYS[4]) > tonumber(ARGV[13]) do
            local all = redis.call('HGETALL', KEYS[4])
            local oldest, oldest_at = nil, nil
            for i = 1, #all, 2 do
              local at = tonumber(all[i + 1])
              if oldest_at == nil or at < oldest_at then oldest, oldest_at = all[i], at end
            end
            redis.call('HDEL', KEYS[4], oldest)
          end
        end
        return 1
        """;

    public static byte[] ReadSha1 { get; } = SHA1.HashData(Encoding.UTF8.GetBytes(ReadText));

    public static byte[] WriteSha1 { get; } = SHA1.HashData(Encoding.UTF8.GetBytes(WriteText));
}
