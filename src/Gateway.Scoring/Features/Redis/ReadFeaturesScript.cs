using System.Security.Cryptography;
using System.Text;

namespace Gateway.Scoring.Features.Redis;

/// <summary>
/// The Lua script that answers a feature read in one round trip. Every key it touches is passed in
/// KEYS and carries the client's hash tag, so it runs on one Redis Cluster node.
/// </summary>
internal static class ReadFeaturesScript
{
    public const int MinuteKeys = FeatureWindows.MinuteBuckets;

    /// <summary>KEYS: <see cref="MinuteKeys"/> counter hashes, then as many path HyperLogLogs, oldest minute first.</summary>
    public const string Text = """
        -- KEYS[1..10]: counter hashes of the last 10 minutes, oldest first (KEYS[10] is this minute).
        -- KEYS[11..20]: distinct-path HyperLogLogs of the same minutes.
        -- ARGV[1]: second within this minute (0-59).
        local second = tonumber(ARGV[1])
        local tens = math.floor(second / 10)
        local current, previous = KEYS[10], KEYS[9]

        local function sum_fields(key, prefix, first, last)
          if first > last then return 0 end
          local fields = {}
          for i = first, last do fields[#fields + 1] = prefix .. i end
          local values = redis.call('HMGET', key, unpack(fields))
          local total = 0
          for i = 1, #values do total = total + (tonumber(values[i]) or 0) end
          return total
        end

        -- Near the start of a minute, the 10 s window (this second and the 9 before) and the 1 min
        -- window (this 10 s bucket and the 5 before) reach back into the previous minute.
        local requests_10s = sum_fields(current, 's', math.max(0, second - 9), second)
          + sum_fields(previous, 's', 51 + second, 59)
        local requests_1m = sum_fields(current, 't', 0, tens) + sum_fields(previous, 't', tens + 1, 5)

        local requests, responses, client_errors, server_errors = 0, 0, 0, 0
        for i = 1, 10 do
          local v = redis.call('HMGET', KEYS[i], 'r', 'x', 'c', 'e')
          requests = requests + (tonumber(v[1]) or 0)
          responses = responses + (tonumber(v[2]) or 0)
          client_errors = client_errors + (tonumber(v[3]) or 0)
          server_errors = server_errors + (tonumber(v[4]) or 0)
        end
        local distinct_paths = redis.call('PFCOUNT', unpack(KEYS, 11, 20))

        return { requests_10s, requests_1m, requests, distinct_paths, responses, client_errors, server_errors }
        """;

    /// <summary>SHA-1 of <see cref="Text"/>, as EVALSHA names it.</summary>
    public static byte[] Sha1 { get; } = SHA1.HashData(Encoding.UTF8.GetBytes(Text));
}
