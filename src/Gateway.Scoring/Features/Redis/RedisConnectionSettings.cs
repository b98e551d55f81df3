using System.Globalization;
using Gateway.Scoring.Configuration;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Gateway.Scoring.Features.Redis;

/// <summary>
/// Turns the Redis settings into client options, reporting every mistake under its key. Redis is
/// configured in one of two ways, never both: <c>Protection:Features:Redis:Endpoints</c> (with
/// <c>Password</c>, <c>Ssl</c>, <c>ConnectTimeoutMilliseconds</c>), or a StackExchange.Redis
/// connection string in <c>ConnectionStrings:Redis</c> for client options beyond those.
/// </summary>
internal static class RedisConnectionSettings
{
    public const string ConnectionStringKey = "ConnectionStrings:Redis";
    private const int DefaultPort = 6379;

    /// <returns>Client options, or null when Redis is not configured or the settings are wrong (see <paramref name="errors"/>).</returns>
    public static ConfigurationOptions? Resolve(
        RedisStoreOptions redis, string? connectionString, ConfigurationErrors errors, string connectionStringKey = ConnectionStringKey)
    {
        var hasEndpoints = redis.Endpoints.Count > 0;
        var hasConnectionString = !string.IsNullOrWhiteSpace(connectionString);
        var errorsBefore = errors.Errors.Count;
        if (hasEndpoints && hasConnectionString)
        {
            errors.Add(RedisStoreOptions.SectionName + ":Endpoints",
                $"and {connectionStringKey} are both set; configure Redis in one place (endpoints, or a connection string).");
        }
        if (!hasEndpoints && (redis.Password is not null || redis.Ssl))
        {
            errors.Add(RedisStoreOptions.SectionName,
                "Password and Ssl apply to Endpoints, which are empty; list the servers under Protection:Features:Redis:Endpoints.");
        }
        var timeoutKey = RedisStoreOptions.SectionName + ":" + nameof(RedisStoreOptions.ConnectTimeoutMilliseconds);
        if (redis.ConnectTimeoutMilliseconds is < 100 or > 60_000)
        {
            errors.Add(timeoutKey, $"is {redis.ConnectTimeoutMilliseconds}; it must be between 100 and 60000.");
        }

        // Both are checked even when both are set (an error already), so that every mistake shows at once.
        var fromConnectionString = hasConnectionString ? FromConnectionString(connectionString!, connectionStringKey, errors) : null;
        var fromEndpoints = hasEndpoints ? FromEndpoints(redis, errors) : null;
        var options = fromConnectionString ?? fromEndpoints;
        if (options is null || errors.Errors.Count > errorsBefore)
        {
            return null;
        }
        // Otherwise a gateway started while Redis is down would fail to start instead of falling back.
        options.AbortOnConnectFail = false;
        return options;
    }

    /// <summary>
    /// <c>Protection:Features:Redis=host:6379</c> would otherwise be dropped without a word by the
    /// binder (the key is a section), leaving the gateway on its in-process store.
    /// </summary>
    public static void RejectScalarSection(IConfiguration configuration, ConfigurationErrors errors)
    {
        if (!string.IsNullOrEmpty(configuration[RedisStoreOptions.SectionName]))
        {
            errors.Add(RedisStoreOptions.SectionName,
                "is a section, not a value: list servers under Protection:Features:Redis:Endpoints "
                + "(e.g. Protection__Features__Redis__Endpoints__0=host:6379), or put a connection string in ConnectionStrings:Redis.");
        }
    }

    private static ConfigurationOptions FromEndpoints(RedisStoreOptions redis, ConfigurationErrors errors)
    {
        var options = new ConfigurationOptions
        {
            Password = redis.Password,
            Ssl = redis.Ssl,
            ConnectTimeout = redis.ConnectTimeoutMilliseconds,
        };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < redis.Endpoints.Count; i++)
        {
            var key = $"{RedisStoreOptions.SectionName}:Endpoints:{i.ToString(CultureInfo.InvariantCulture)}";
            if (!TryParseEndpoint(redis.Endpoints[i], out var host, out var port, out var problem))
            {
                errors.Add(key, problem);
                continue;
            }
            var normalized = $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
            if (!seen.Add(normalized))
            {
                errors.Add(key, $"repeats {normalized}.");
                continue;
            }
            options.EndPoints.Add(host, port);
        }
        return options;
    }

    private static bool TryParseEndpoint(string? text, out string host, out int port, out string problem)
    {
        host = "";
        port = DefaultPort;
        problem = "";
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value.AsSpan().IndexOfAny(",= \t") >= 0)
        {
            // Not echoed: an entry with options may carry a password.
            problem = "is not host:port (one server per entry; options such as Password have keys of their own).";
            return false;
        }
        string? portText = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']');
            if (close < 0 || (close + 1 < value.Length && value[close + 1] != ':'))
            {
                problem = $"'{SafeText.Sanitise(value)}' is not [IPv6]:port.";
                return false;
            }
            host = value[1..close];
            portText = close + 1 < value.Length ? value[(close + 2)..] : null;
        }
        else
        {
            var colon = value.LastIndexOf(':');
            if (colon >= 0 && value.IndexOf(':') != colon)
            {
                problem = $"'{SafeText.Sanitise(value)}' is ambiguous; write an IPv6 address as [address]:port.";
                return false;
            }
            host = colon < 0 ? value : value[..colon];
            portText = colon < 0 ? null : value[(colon + 1)..];
        }
        if (host.Length == 0)
        {
            problem = $"'{SafeText.Sanitise(value)}' names no host.";
            return false;
        }
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problem = $"'{SafeText.Sanitise(value)}' has no valid port (1-65535).";
            return false;
        }
        return true;
    }

    private static ConfigurationOptions? FromConnectionString(string connectionString, string key, ConfigurationErrors errors)
    {
        try
        {
            var parsed = ConfigurationOptions.Parse(connectionString);
            if (parsed.EndPoints.Count == 0)
            {
                errors.Add(key, "names no Redis endpoint (expected host:port, then options such as password=...).");
                return null;
            }
            return parsed;
        }
        catch (ArgumentException ex)
        {
            // The client's message names the offending option, not its value; the string itself may hold a password.
            errors.Add(key, $"is not a valid Redis connection string: {ex.Message}");
            return null;
        }
    }
}
