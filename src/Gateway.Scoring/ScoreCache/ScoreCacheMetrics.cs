using System.Diagnostics.Metrics;

namespace Gateway.Scoring.ScoreCache;

/// <summary>
/// The cache's hit and miss counts as one observable counter, read when metrics are collected, so a
/// lookup costs one interlocked increment and no instrument call.
/// </summary>
internal static class ScoreCacheMetrics
{
    public const string InstrumentName = "protection.model.score_cache.lookups";

    public static void Observe(Meter meter, ContentScoreCache cache) =>
        meter.CreateObservableCounter(
            InstrumentName,
            () => new[]
            {
                new Measurement<long>(cache.Hits, new KeyValuePair<string, object?>("result", "hit")),
                new Measurement<long>(cache.Misses, new KeyValuePair<string, object?>("result", "miss")),
            },
            "{lookup}",
            "Content-score lookups of short request contents: answered from memory (hit) or sent to the model (miss).");
}
