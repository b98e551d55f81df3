namespace Gateway.Scoring.Content;

/// <summary>
/// Turns what a request sends into the model's feature vector. The same code produces the
/// training matrix (tools/Gateway.FeatureExport), so training and serving cannot drift apart.
/// </summary>
public interface IContentFeatureExtractor
{
    /// <summary>Identifies the feature layout; the model file must carry the same value.</summary>
    string SchemaVersion { get; }

    int FeatureCount { get; }

    /// <summary>Writes exactly <see cref="FeatureCount"/> values. Never throws on hostile input.</summary>
    void Extract(in RequestContent content, Span<float> destination);
}

/// <summary>What a request sends, before any decoding.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Target">Raw request target: path and query exactly as sent (still percent-encoded).</param>
/// <param name="Body">A bounded prefix of the body; empty when there is none or it is not text.</param>
/// <param name="ContentType">Content-Type header, if any.</param>
public readonly record struct RequestContent(string Method, string Target, ReadOnlyMemory<byte> Body, string? ContentType);
