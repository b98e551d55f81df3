using System.Text.Json;
using Gateway.Scoring.Content;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Tests.Content;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// The shipped model must work for an ordinary application, not only for the one it was trained on:
/// hand-written requests of a generic web app and API (tests/fixtures/model/generic-app-requests.jsonl,
/// not drawn from the training generator) go through the real extractor and ONNX Runtime. With the
/// other signals quiet the content probability is the risk, so benign requests must stay below the
/// default policy's challenge threshold and attacks must reach its block threshold.
/// </summary>
public sealed class BundledModelTests(BundledModel model) : IClassFixture<BundledModel>
{
    private static readonly string TablePath = RepoPaths.InRepo("tests", "fixtures", "model", "generic-app-requests.jsonl");
    private static readonly string ReferencePath = RepoPaths.InRepo("tests", "fixtures", "model", "reference.jsonl");
    private static readonly PolicyOptions DefaultPolicy = new();

    public static TheoryData<int, string> BenignRequests() => Rows(label: 0);

    public static TheoryData<int, string> Attacks() => Rows(label: 1);

    [Theory]
    [MemberData(nameof(BenignRequests))]
    public async Task Score_BenignRequestOfAGenericApp_StaysBelowTheChallengeThreshold(int line, string what)
    {
        var (content, target) = Read(line);

        var probability = await model.ScoreAsync(content);

        Assert.True(probability < DefaultPolicy.ChallengeThreshold,
            $"{what}: {content.Method} {target} scored {probability:F4}, the default policy challenges at {DefaultPolicy.ChallengeThreshold}");
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Score_AttackOnAGenericApp_ReachesTheBlockThreshold(int line, string what)
    {
        var (content, target) = Read(line);

        var probability = await model.ScoreAsync(content);

        Assert.True(probability >= DefaultPolicy.BlockThreshold,
            $"{what}: {content.Method} {target} scored {probability:F4}, the default policy blocks at {DefaultPolicy.BlockThreshold}");
    }

    [Fact]
    public async Task Score_ReferenceRequests_AgreeWithNumpyThroughTheRealRuntime()
    {
        // reference.jsonl carries numpy's float64 probability from the float32 weights in the file;
        // float32 accumulation over a few hundred terms stays well within 1e-4.
        var rows = 0;
        foreach (var line in File.ReadLines(ReferencePath))
        {
            using var document = JsonDocument.Parse(line);
            var row = document.RootElement;
            var probability = await model.ScoreAsync(ReferenceFixtureTests.ToContent(row));
            var expected = row.GetProperty("probability").GetDouble();
            Assert.True(Math.Abs(expected - probability) <= 1e-4,
                $"{row.GetProperty("source").GetString()}:{row.GetProperty("line").GetInt32()}: ONNX Runtime {probability}, numpy {expected}");
            rows++;
        }
        Assert.True(rows >= 100, $"{ReferencePath} holds {rows} rows");
    }

    [Fact]
    public void BundledModel_TakesTheExtractorsFeatureVector()
    {
        Assert.Equal(model.FeatureCount, model.Scorer.FeatureCount);
    }

    [Fact]
    public void RegressionTable_HoldsBothKindsInNumbers()
    {
        Assert.True(BenignRequests().Count >= 20);
        Assert.True(Attacks().Count >= 20);
    }

    private static TheoryData<int, string> Rows(int label)
    {
        var data = new TheoryData<int, string>();
        var number = 0;
        foreach (var line in File.ReadLines(TablePath))
        {
            number++;
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.GetProperty("label").GetInt32() == label)
            {
                data.Add(number, document.RootElement.GetProperty("note").GetString()!);
            }
        }
        return data;
    }

    private static (RequestContent Content, string Target) Read(int line)
    {
        using var document = JsonDocument.Parse(File.ReadLines(TablePath).ElementAt(line - 1));
        var content = BundledModel.FromJsonl(document.RootElement);
        return (content, content.Target);
    }
}
