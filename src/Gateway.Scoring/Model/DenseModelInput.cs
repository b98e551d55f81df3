using Gateway.Scoring.Model.OnnxRuntime;

namespace Gateway.Scoring.Model;

/// <summary>The dense layout: rows copied whole into one pinned float32 [N, F] buffer.</summary>
internal sealed unsafe class DenseModelInput : ContentModelInput
{
    private static readonly string[] InputNames = [ContentModelContract.InputName];
    private readonly float[] _features;
    private readonly OrtHandle?[] _tensors;

    public DenseModelInput(int featureCount, int maxBatchSize)
        : base(featureCount, maxBatchSize)
    {
        // Pinned-object-heap arrays never move, so ORT may keep pointers into them.
        _features = GC.AllocateArray<float>(maxBatchSize * featureCount, pinned: true);
        _tensors = new OrtHandle?[maxBatchSize];
    }

    public override IReadOnlyList<string> Names => InputNames;

    public override void SetRow(int row, ReadOnlySpan<float> features) =>
        features.CopyTo(_features.AsSpan(row * FeatureCount, FeatureCount));

    public override void SetPackedRow(int row, ReadOnlySpan<int> index, ReadOnlySpan<float> value)
    {
        var features = _features.AsSpan(row * FeatureCount, FeatureCount);
        features.Clear();
        for (var i = 0; i < index.Length; i++)
        {
            features[index[i]] = value[i];
        }
    }

    public override void Bind(OrtSession session, int rows, nint* tensors)
    {
        var tensor = _tensors[rows - 1];
        if (tensor is null)
        {
            fixed (float* data = _features)
            {
                tensor = _tensors[rows - 1] = session.CreateFloatTensor(data, rows * FeatureCount, [rows, FeatureCount]);
            }
        }
        tensors[0] = tensor.DangerousGetHandle();
    }

    public override void Dispose()
    {
        foreach (var tensor in _tensors)
        {
            tensor?.Dispose();
        }
    }
}
