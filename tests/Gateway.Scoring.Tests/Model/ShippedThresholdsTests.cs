using System.Text.Json;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// The content thresholds the gateway ships with are the ones the evaluation chose by cost for the
/// bundled model (training/evaluate.sh writes them to docs/evaluation/metrics.json). A retrained model
/// moves them; this keeps appsettings.json from silently carrying the previous model's.
/// </summary>
public sealed class ShippedThresholdsTests
{
    [Fact]
    public void Appsettings_CarriesTheEvaluationsThresholdsForTheBundledModel()
    {
        using var evaluation = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("docs", "evaluation", "metrics.json")));
        using var settings = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("src", "Gateway", "appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var chosen = evaluation.RootElement.GetProperty("policy_thresholds");
        var policies = settings.RootElement.GetProperty("Protection").GetProperty("Policies");
        var compared = new List<string>();

        foreach (var policy in policies.EnumerateObject())
        {
            if (!chosen.TryGetProperty(policy.Name, out var thresholds))
            {
                continue;
            }
            Assert.Equal(thresholds.GetProperty("challenge").GetDouble(), policy.Value.GetProperty("ContentChallengeAt").GetDouble(), 3);
            Assert.Equal(thresholds.GetProperty("block").GetDouble(), policy.Value.GetProperty("ContentBlockAt").GetDouble(), 3);
            compared.Add(policy.Name);
        }

        Assert.Equal(["default", "login"], compared.Order());
    }

    [Fact]
    public void EvaluationThresholds_WereChosenForTheBundledModel()
    {
        using var evaluation = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("docs", "evaluation", "metrics.json")));
        var model = File.ReadAllBytes(RepoPaths.InRepo("src", "Gateway", "assets", "model", "content-model.onnx"));

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(model)),
            evaluation.RootElement.GetProperty("model_sha256").GetString());
    }
}
