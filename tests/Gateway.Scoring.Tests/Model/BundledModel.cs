using System.Text;
using System.Text.Json;
using Gateway.Scoring.Content;
using Gateway.Scoring.Model;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// The model the gateway ships (src/Gateway/assets/model/content-model.onnx), loaded once through the
/// real ONNX Runtime with the real feature extractor, as the gateway loads it.
/// </summary>
public sealed class BundledModel : IDisposable
{
    private readonly ContentModelFixture _fixture = new();
    private readonly ContentFeatureExtractor _extractor = new();

    public BundledModel()
    {
        var scorer = _fixture.TryLoad(new ModelOptions { Path = ModelPath }, _extractor.SchemaVersion);
        Assert.True(scorer is not null, string.Join(Environment.NewLine, _fixture.Errors.Errors));
        Scorer = scorer;
    }

    public static string ModelPath { get; } = RepoPaths.InRepo("src", "Gateway", "assets", "model", "content-model.onnx");

    internal OnnxContentScorer Scorer { get; }

    public int FeatureCount => _extractor.FeatureCount;

    /// <summary>Extracts the request's features and scores them, as the gateway does for one request.</summary>
    internal async Task<float> ScoreAsync(RequestContent content)
    {
        var features = new float[_extractor.FeatureCount];
        _extractor.Extract(content, features);
        var score = await Scorer.ScoreAsync(features, CancellationToken.None);
        Assert.Equal(ContentScoreStatus.Scored, score.Status);
        return score.Probability;
    }

    /// <summary>A request of the export tool's JSONL format (<c>method, path, query, headers, body</c>).</summary>
    internal static RequestContent FromJsonl(JsonElement row)
    {
        var query = row.TryGetProperty("query", out var q) ? q.GetString() ?? string.Empty : string.Empty;
        var target = row.GetProperty("path").GetString()! + (query.Length == 0 ? string.Empty : "?" + query);
        string? contentType = null;
        if (row.TryGetProperty("headers", out var headers) && headers.TryGetProperty("Content-Type", out var type))
        {
            contentType = type.GetString();
        }
        var body = row.TryGetProperty("body", out var b) ? b.GetString() ?? string.Empty : string.Empty;
        return new RequestContent(row.GetProperty("method").GetString()!, target, Encoding.UTF8.GetBytes(body), contentType);
    }

    public void Dispose()
    {
        Scorer.Dispose();
        _fixture.Dispose();
    }
}
