using Gateway.Scoring.Model.OnnxRuntime;

namespace Gateway.Scoring.Model;

/// <summary>
/// A runner's input buffers in one of the model's layouts: rows go in as the extractor's dense
/// feature vectors (or already packed into non-zero pairs), and come out as the ORT tensors of a run. Buffers are pinned and tensors are
/// made once per shape and reused, so a run allocates nothing once its shape has been seen.
/// Used by one thread at a time.
/// </summary>
internal abstract unsafe class ContentModelInput : IDisposable
{
    protected ContentModelInput(int featureCount, int maxBatchSize)
    {
        FeatureCount = featureCount;
        MaxBatchSize = maxBatchSize;
    }

    public int FeatureCount { get; }

    public int MaxBatchSize { get; }

    /// <summary>The graph's input names, in the order <see cref="Bind"/> writes their tensors.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>Sets row <paramref name="row"/> of the next run to <paramref name="features"/> (F values).</summary>
    public abstract void SetRow(int row, ReadOnlySpan<float> features);

    /// <summary>Sets row <paramref name="row"/> from its non-zero (index, value) pairs, in index order.</summary>
    public abstract void SetPackedRow(int row, ReadOnlySpan<int> index, ReadOnlySpan<float> value);

    /// <summary>
    /// Writes the tensors holding rows [0, <paramref name="rows"/>) into <paramref name="tensors"/>
    /// (one per name). The handles stay owned by this object.
    /// </summary>
    /// <exception cref="OrtException">ONNX Runtime could not make a tensor.</exception>
    public abstract void Bind(OrtSession session, int rows, nint* tensors);

    public abstract void Dispose();

    public static ContentModelInput Create(ContentModelShape shape, int maxBatchSize) => shape.Layout switch
    {
        ContentModelInputLayout.Sparse => new SparseModelInput(shape.FeatureCount, maxBatchSize),
        _ => new DenseModelInput(shape.FeatureCount, maxBatchSize),
    };
}
