using System.Text;
using System.Text.Json;
using Gateway.Scoring.Content;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Content;

/// <summary>
/// The model was trained on features the exporter wrote; tests/fixtures/model/reference.jsonl keeps
/// them for 100 held-out requests. If the extractor now computes anything else, the bundled model
/// no longer sees what it was trained on: bump the schema and retrain (training/train.sh).
/// </summary>
public sealed class ReferenceFixtureTests
{
    private static readonly string FixturePath = RepoPaths.InRepo("tests", "fixtures", "model", "reference.jsonl");

    [Fact]
    public void Extract_ReferenceRequests_ReproducesTheTrainingFeatures()
    {
        var extractor = new ContentFeatureExtractor();
        var features = new float[extractor.FeatureCount];
        var rows = 0;
        foreach (var line in File.ReadLines(FixturePath))
        {
            using var document = JsonDocument.Parse(line);
            var row = document.RootElement;
            Assert.Equal(extractor.SchemaVersion, row.GetProperty("feature_schema").GetString());
            extractor.Extract(ToContent(row), features);

            var expected = new float[extractor.FeatureCount];
            var indices = row.GetProperty("feature_indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var values = row.GetProperty("feature_values").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            for (var i = 0; i < indices.Length; i++)
            {
                expected[indices[i]] = values[i];
            }
            var where = $"{row.GetProperty("source").GetString()}:{row.GetProperty("line").GetInt32()}";
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - features[i]) <= 1e-6f * Math.Max(1, Math.Abs(expected[i])),
                    $"{where}: feature {i} is {features[i]}, the model was trained on {expected[i]}");
            }
            rows++;
        }
        Assert.True(rows >= 100, $"{FixturePath} holds {rows} rows");
    }

    [Fact]
    public void Fixture_CoversBothClassesAndBodies()
    {
        var rows = File.ReadLines(FixturePath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(rows, r => r.GetProperty("label").GetInt32() == 0);
        Assert.Contains(rows, r => r.GetProperty("label").GetInt32() == 1);
        Assert.Contains(rows, r => r.GetProperty("body").GetString()!.Length > 0);
        Assert.All(rows, r => Assert.InRange(r.GetProperty("probability").GetDouble(), 0, 1));
    }

    /// <summary>The request as the fixture stores it (see training/README.md for the body encoding).</summary>
    internal static RequestContent ToContent(JsonElement row)
    {
        var body = row.GetProperty("body").GetString()!;
        var latin1 = row.TryGetProperty("body_latin1", out var flag) && flag.GetBoolean();
        var contentType = row.GetProperty("content_type");
        return new RequestContent(
            row.GetProperty("method").GetString()!,
            row.GetProperty("target").GetString()!,
            latin1 ? Encoding.Latin1.GetBytes(body) : Encoding.UTF8.GetBytes(body),
            contentType.ValueKind == JsonValueKind.Null ? null : contentType.GetString());
    }
}
