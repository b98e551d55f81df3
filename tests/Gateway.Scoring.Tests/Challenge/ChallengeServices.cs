using Gateway.Scoring.Challenge;
using Gateway.Scoring.Tests.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Challenge;

/// <summary>Builds real challenge services (one per simulated replica) for tests.</summary>
internal static class ChallengeServices
{
    public const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Test/1.0";

    /// <summary>A fixed 32-byte key, base64.</summary>
    public static readonly string SharedKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static ChallengeService Create(
        TimeProvider time, MetricsProbe probe, Action<ChallengeOptions>? configure = null, string? redis = null, string keyPrefix = "gw")
    {
        var options = new ChallengeOptions();
        configure?.Invoke(options);
        return ChallengeService.Create(options, redis, keyPrefix, probe.Metrics.Challenge, time, NullLoggerFactory.Instance, TimeSpan.FromSeconds(10));
    }
}
