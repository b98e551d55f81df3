namespace Gateway.Scoring.Model;

/// <summary>
/// Scores request-content feature vectors with the ONNX model. Concurrent calls are gathered
/// into micro-batches; a lone call runs at once.
/// </summary>
public interface IContentScorer
{
    /// <summary>Length of the feature vector the model expects.</summary>
    int FeatureCount { get; }

    /// <summary>
    /// Copies <paramref name="features"/> before returning, so the caller may reuse its buffer at
    /// once. Returns <see cref="ContentScoreStatus.Shed"/> without queueing when the scorer is
    /// saturated; never throws for the scorer's own faults (<see cref="ContentScoreStatus.Failed"/>).
    /// </summary>
    ValueTask<ContentScore> ScoreAsync(ReadOnlySpan<float> features, CancellationToken cancellationToken);
}

public enum ContentScoreStatus
{
    Scored,
    /// <summary>Queue full or concurrency limit reached: scoring skipped (fail-open).</summary>
    Shed,
    /// <summary>The runtime failed for this batch.</summary>
    Failed,
}

/// <param name="Probability">Model's probability that the content is an attack, in [0,1].</param>
public readonly record struct ContentScore(ContentScoreStatus Status, float Probability)
{
    public static ContentScore Shed => new(ContentScoreStatus.Shed, 0);
    public static ContentScore Failed => new(ContentScoreStatus.Failed, 0);
}
