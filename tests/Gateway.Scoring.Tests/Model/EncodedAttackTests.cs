using System.Text.Json;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// The encodings attackers use to slip past filters (tests/fixtures/model/encoded-attacks.jsonl: SQL
/// comments inside keywords, whitespace tricks, HTML entities, <c>\u</c> and <c>%u</c> escapes,
/// overlong UTF-8, NUL bytes, double encoding, mixed case) must not lower the score: each goes through
/// the real extractor and ONNX Runtime and must reach the shipped default policy's content block
/// point (the default policy's <c>ContentBlockAt</c>, read from src/Gateway/appsettings.json).
/// </summary>
public sealed class EncodedAttackTests(BundledModel model) : IClassFixture<BundledModel>
{
    private static readonly double ShippedContentBlockAt = ReadShippedContentBlockAt();
    private static readonly string TablePath = RepoPaths.InRepo("tests", "fixtures", "model", "encoded-attacks.jsonl");

    public static TheoryData<int, string> Rows()
    {
        var data = new TheoryData<int, string>();
        var number = 0;
        foreach (var line in File.ReadLines(TablePath))
        {
            number++;
            using var document = JsonDocument.Parse(line);
            data.Add(number, document.RootElement.GetProperty("note").GetString()!);
        }
        return data;
    }

    private static double ReadShippedContentBlockAt()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("src", "Gateway", "appsettings.json")));
        return settings.RootElement.GetProperty("Protection").GetProperty("Policies").GetProperty("default")
            .GetProperty("ContentBlockAt").GetDouble();
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Score_EncodedAttack_ReachesTheShippedBlockPoint(int line, string what)
    {
        using var document = JsonDocument.Parse(File.ReadLines(TablePath).ElementAt(line - 1));
        var content = BundledModel.FromJsonl(document.RootElement);

        var probability = await model.ScoreAsync(content);

        Assert.True(probability >= ShippedContentBlockAt, $"{what}: {content.Target} scored {probability:F4}");
    }
}
