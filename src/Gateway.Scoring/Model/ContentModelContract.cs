using System.Globalization;
using Gateway.Scoring.Model.OnnxRuntime;

namespace Gateway.Scoring.Model;

/// <summary>
/// What a content model file must look like to be served. Inputs, in one of two layouts
/// (<see cref="ContentModelInputLayout"/>), told apart by the graph's inputs:
/// <list type="bullet">
/// <item>dense: one float32 input <c>features</c> [N, F];</item>
/// <item>sparse: int32 <c>feature_index</c> [N, K] and float32 <c>feature_value</c> [N, K], K dynamic
/// (the gateway picks it per batch), padding slots index F with value 0.</item>
/// </list>
/// N is dynamic. One float32 output <c>attack_probability</c> [N]. Custom metadata
/// <c>feature_schema</c> (must equal the feature extractor's schema), <c>feature_count</c> (F) and,
/// optionally, <c>feature_input</c> (<c>dense-v1</c> or <c>sparse-v1</c>), which must then agree
/// with the graph; models written before the sparse layout have no <c>feature_input</c> and are dense.
/// The training pipeline writes exactly this.
/// </summary>
internal static class ContentModelContract
{
    public const string InputName = "features";
    public const string IndexInputName = "feature_index";
    public const string ValueInputName = "feature_value";
    public const string OutputName = "attack_probability";
    public const string SchemaMetadataKey = "feature_schema";
    public const string FeatureCountMetadataKey = "feature_count";
    public const string InputLayoutMetadataKey = "feature_input";
    public const string DenseLayoutName = "dense-v1";
    public const string SparseLayoutName = "sparse-v1";

    /// <summary>
    /// Every way <paramref name="session"/> breaks the contract, as messages for an operator;
    /// <paramref name="shape"/> is meaningful when the problems list is empty.
    /// </summary>
    public static List<string> Check(OrtSession session, string expectedSchema, out ContentModelShape shape)
    {
        var problems = new List<string>();
        var featureCount = 0;

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

        var layout = CheckInputs(session.Inputs, featureCount, problems);
        CheckLayoutMetadata(session.LookupCustomMetadata(InputLayoutMetadataKey), layout, problems);
        CheckOutput(session.Outputs, problems);
        shape = new ContentModelShape(featureCount, layout ?? ContentModelInputLayout.Dense);
        return problems;
    }

    /// <summary>The layout the graph's inputs describe, or null (with a problem added) when neither fits.</summary>
    private static ContentModelInputLayout? CheckInputs(IReadOnlyList<OrtTensorInfo> inputs, int featureCount, List<string> problems)
    {
        if (inputs.Count == 1 && inputs[0].Name == InputName)
        {
            CheckDenseInput(inputs[0], featureCount, problems);
            return ContentModelInputLayout.Dense;
        }
        var index = Find(inputs, IndexInputName);
        var value = Find(inputs, ValueInputName);
        if (inputs.Count == 2 && index is not null && value is not null)
        {
            CheckSparseInput(index, OrtTensorElementType.Int32, problems);
            CheckSparseInput(value, OrtTensorElementType.Float, problems);
            return ContentModelInputLayout.Sparse;
        }
        problems.Add(
            $"must have either one input '{InputName}' tensor(Float)[N,F] (dense layout) or exactly two inputs "
            + $"'{IndexInputName}' tensor(Int32)[N,K] and '{ValueInputName}' tensor(Float)[N,K] (sparse layout); it has {NameList(inputs)}.");
        return null;
    }

    private static void CheckDenseInput(OrtTensorInfo input, int featureCount, List<string> problems)
    {
        if (input.Kind != OrtValueKind.Tensor || input.ElementType != OrtTensorElementType.Float || input.Shape.Length != 2)
        {
            problems.Add($"input '{InputName}' must be tensor(Float)[N,F]; it is {input.Describe()}.");
            return;
        }
        CheckBatchDimension(input, problems);
        if (featureCount > 0 && input.Shape[1] != -1 && input.Shape[1] != featureCount)
        {
            problems.Add(
                $"input '{InputName}' takes {input.Shape[1]} features but '{FeatureCountMetadataKey}' says {featureCount}.");
        }
    }

    private static void CheckSparseInput(OrtTensorInfo input, OrtTensorElementType elementType, List<string> problems)
    {
        if (input.Kind != OrtValueKind.Tensor || input.ElementType != elementType || input.Shape.Length != 2)
        {
            problems.Add($"input '{input.Name}' must be tensor({elementType})[N,K]; it is {input.Describe()}.");
            return;
        }
        CheckBatchDimension(input, problems);
        if (input.Shape[1] != -1)
        {
            problems.Add(
                $"input '{input.Name}' has a fixed slot dimension of {input.Shape[1]}; export it with a dynamic second dimension so each batch can take as many slots as its rows need.");
        }
    }

    private static void CheckBatchDimension(OrtTensorInfo input, List<string> problems)
    {
        if (input.Shape[0] != -1)
        {
            problems.Add(
                $"input '{input.Name}' has a fixed batch dimension of {input.Shape[0]}; export it with a dynamic first dimension so requests can be batched.");
        }
    }

    /// <summary>A model that names its layout must name the one its graph has: a mismatch means a mixed-up export.</summary>
    private static void CheckLayoutMetadata(string? declared, ContentModelInputLayout? layout, List<string> problems)
    {
        if (declared is null)
        {
            return;
        }
        ContentModelInputLayout? named = declared switch
        {
            DenseLayoutName => ContentModelInputLayout.Dense,
            SparseLayoutName => ContentModelInputLayout.Sparse,
            _ => null,
        };
        if (named is null)
        {
            problems.Add(
                $"has '{InputLayoutMetadataKey}' = '{declared}'; the gateway serves '{DenseLayoutName}' and '{SparseLayoutName}'.");
        }
        else if (layout is not null && named != layout)
        {
            problems.Add(
                $"has '{InputLayoutMetadataKey}' = '{declared}' but its inputs are the {LayoutName(layout.Value)} layout's.");
        }
    }

    private static string LayoutName(ContentModelInputLayout layout) =>
        layout == ContentModelInputLayout.Dense ? $"dense ('{DenseLayoutName}')" : $"sparse ('{SparseLayoutName}')";

    private static OrtTensorInfo? Find(IReadOnlyList<OrtTensorInfo> infos, string name)
    {
        foreach (var info in infos)
        {
            if (info.Name == name)
            {
                return info;
            }
        }
        return null;
    }

    private static void CheckOutput(IReadOnlyList<OrtTensorInfo> outputs, List<string> problems)
    {
        var output = Find(outputs, OutputName);
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
