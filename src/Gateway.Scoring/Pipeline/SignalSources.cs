using Gateway.Scoring.Content;
using Gateway.Scoring.Features;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Login;
using Gateway.Scoring.Model;
using Gateway.Scoring.Reputation;
using Gateway.Scoring.ScoreCache;

namespace Gateway.Scoring.Pipeline;

/// <summary>The loaded signals the evaluator asks. A null scorer means the content signal is off
/// (optional and failed to load).</summary>
internal sealed record SignalSources(
    IClientAddressSource ClientAddress,
    IReputationLookup Reputation,
    IGeoLookup Geo,
    IFeatureStore Store,
    IContentFeatureExtractor Extractor,
    IContentScorer? Scorer)
{
    /// <summary>Null when no login profile is configured.</summary>
    public LoginDefence? Login { get; init; }

    /// <summary>Remembered content scores; null when off (<c>Protection:Model:ScoreCacheEntries</c> 0, or no scorer).</summary>
    public ContentScoreCache? ScoreCache { get; init; }
}
