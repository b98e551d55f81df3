using System.Globalization;
using Gateway.Scoring.Model.OnnxRuntime;

namespace Gateway.Scoring.Model;

/// <summary>
/// What a content model file must look like to be served: one float32 input <c>features</c>
/// of shape [N, F] with N dynamic, one float32 output <c>attack_probability</c> of shape [N],
/// and custom metadata <c>feature_schema</c> (must equal the feature extractor's schema) and
/// <c>feature_count</c> (F). The training pipeline writes exactly this.
/// </summary>
internal static class ContentModelContract
{
    public const string InputName = "features";
    public const string OutputName = "attack_probability";
    public const string SchemaMetadataKey = "feature_schema";
    public const string FeatureCountMetadataKey = "feature_count";

    /// <summary>
    /// Every way <paramref name="session"/> breaks the contract, as messages for an operator;
    /// <paramref name="featureCount"/> is F when the problems list is empty.
    /// </summary>
    public static List<string> Check(OrtSession session, string expectedSchema, out int featureCount)
    {
        var problems = new List<string>();
        featureCount = 0;

        var schema = session.LookupCustomMetadata(SchemaMetadataKey);
        if (schema is null)
        {
            problems.Add($"has no '{SchemaMetadataKey}' metadata; expected '{expectedSchema}'.");
        }
        else if (!string.Equals(schema, expectedSchema, StringComparison.Ordinal))
        {
            problems.Add(
                $"was trained for feature schema '{schema}' but the gateway extracts '{expectedSchema}'; retrain or deploy the matching model.");
        }

        var countText = session.LookupCustomMetadata(FeatureCountMetadataKey);
        if (countText is null)
        {
            problems.Add($"has no '{FeatureCountMetadataKey}' metadata.");
        }
        else if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out featureCount) || featureCount < 1)
        {
            problems.Add($"has '{FeatureCountMetadataKey}' = '{countText}', which is not a positive whole number.");
            featureCount = 0;
        }

        CheckInput(session.Inputs, featureCount, problems);
        CheckOutput(session.Outputs, problems);
        return problems;
    }

    private static void CheckInput(IReadOnlyList<OrtTensorInfo> inputs, int featureCount, List<string> problems)
    {
        if (inputs.Count != 1 || inputs[0].Name != InputName)
        {
            problems.Add($"must have exactly one input named '{InputName}'; it has {NameList(inputs)}.");
            return;
        }
        var input = inputs[0];
        if (input.Kind != OrtValueKind.Tensor || input.ElementType != OrtTensorElementType.Float || input.Shape.Length != 2)
        {
            problems.Add($"input '{InputName}' must be tensor(Float)[N,F]; it is {input.Describe()}.");
            return;
        }
        if (input.Shape[0] != -1)
        {
            problems.Add(
                $"input '{InputName}' has a fixed batch dimension of {input.Shape[0]}; export it with a dynamic first dimension so requests can be batched.");
        }
        if (featureCount > 0 && input.Shape[1] != -1 && input.Shape[1] != featureCount)
        {
            problems.Add(
                $"input '{InputName}' takes {input.Shape[1]} features but '{FeatureCountMetadataKey}' says {featureCount}.");
        }
    }

    private static void CheckOutput(IReadOnlyList<OrtTensorInfo> outputs, List<string> problems)
    {
        OrtTensorInfo? output = null;
        foreach (var candidate in outputs)
        {
            if (candidate.Name == OutputName)
            {
                output = candidate;
            }
        }
        if (output is null)
        {
            problems.Add($"has no output named '{OutputName}'; it has {NameList(outputs)}.");
            return;
        }
        if (outputs.Count != 1)
        {
            // Extra outputs would be computed on every batch for nothing.
            problems.Add($"must have exactly one output, '{OutputName}'; it has {NameList(outputs)}.");
        }
        if (output.Kind != OrtValueKind.Tensor || output.ElementType != OrtTensorElementType.Float
            || output.Shape.Length != 1 || output.Shape[0] != -1)
        {
            problems.Add($"output '{OutputName}' must be tensor(Float)[N] with N dynamic; it is {output.Describe()}.");
        }
    }

    private static string NameList(IReadOnlyList<OrtTensorInfo> infos)
    {
        if (infos.Count == 0)
        {
            return "none";
        }
        var names = new string[infos.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = $"'{infos[i].Name}' {infos[i].Describe()}";
        }
        return string.Join(", ", names);
    }
}
