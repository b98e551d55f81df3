namespace Gateway.Scoring.Content;

/// <summary>
/// Where each group of features sits in the vector, and how much of a request is looked at.
/// Changing any value here changes the model's input: bump <see cref="SchemaVersion"/> and retrain.
/// </summary>
internal static class ContentFeatureLayout
{
    public const string SchemaVersion = "content-v11";

    /// <summary>
    /// Hashed 1–3-grams of the decoded argument values, query and body together, so that a payload
    /// scores the same whether it arrives as a GET query or as a form body. Form, JSON, XML and
    /// multipart bodies are read field by field (content-v3 added XML and multipart); any other body
    /// counts as one value. Paths and argument names have no n-grams: they spell out
    /// one application's endpoints and field names, which the model would learn instead of payloads
    /// (training/ablation/content-v2-development.json); what matters in them is counted by hand.
    /// </summary>
    public const int ValueOffset = 0;
    public const int ValueBuckets = 2048;

    public const int HandcraftedOffset = ValueOffset + ValueBuckets;
    public const int FeatureCount = HandcraftedOffset + HandcraftedFeature.Count;

    /// <summary>
    /// Characters of the target searched for the query and decoded at all; the rest only raises
    /// <see cref="HandcraftedFeature.Truncated"/>. Bounds the work on hostile, huge targets.
    /// </summary>
    public const int MaxTargetChars = 16 * 1024;
    public const int MaxPathChars = 2 * 1024;
    public const int MaxQueryChars = 4 * 1024;
    public const int MaxBodyChars = 4 * 1024;

    /// <summary>
    /// Percent-decoding passes. Attackers nest encodings (<c>%2527</c>) to slip past filters that
    /// decode once; four passes undo what real back ends undo, and each pass only shrinks the text.
    /// </summary>
    public const int MaxDecodeRounds = 4;
}
