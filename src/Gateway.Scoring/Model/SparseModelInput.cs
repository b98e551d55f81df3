using Gateway.Scoring.Model.OnnxRuntime;

namespace Gateway.Scoring.Model;

/// <summary>
/// The sparse layout: each row's non-zero features as int32 <c>feature_index</c> and float32
/// <c>feature_value</c> [N, K]. A batch's K is its largest non-zero count rounded up to a slot
/// bucket (powers of two from 32, capped at F + 1), so the tensors of each (rows, bucket) pair are
/// made once and reused; a row's unused slots hold index F (the model's zero weight) and value 0.
/// </summary>
/// <remarks>
/// <see cref="SetRow"/> packs a row (<see cref="SetPackedRow"/> copies one packed by the caller) into
/// its own stretch of F + 1 slots (the most any row needs);
/// <see cref="Bind"/> then slides the rows together to K slots each and pads them. The buffers
/// therefore hold MaxBatchSize × (F + 1) slots, twice the dense layout's bytes; they are pinned for
/// the runner's life. A second Bind of the same rows reuses the packed batch, and a Bind of a
/// different count or a SetRow after a Bind first spreads the rows back out, so any order of calls
/// sees the rows last set.
/// </remarks>
internal sealed unsafe class SparseModelInput : ContentModelInput
{
    /// <summary>The smallest slot bucket: 32 slots cost little, and fewer buckets mean fewer cached tensors.</summary>
    public const int MinSlots = 32;

    private static readonly string[] InputNames = [ContentModelContract.IndexInputName, ContentModelContract.ValueInputName];
    private readonly int _stride;
    private readonly int[] _index;
    private readonly float[] _value;
    private readonly int[] _counts;
    private readonly int[] _buckets;
    private readonly OrtHandle?[] _tensors;
    private int _packedRows;
    private int _packedSlots;
    private int _packedBucket;

    public SparseModelInput(int featureCount, int maxBatchSize)
        : base(featureCount, maxBatchSize)
    {
        _stride = featureCount + 1;
        // Pinned-object-heap arrays never move, so ORT may keep pointers into them.
        _index = GC.AllocateArray<int>(maxBatchSize * _stride, pinned: true);
        _value = GC.AllocateArray<float>(maxBatchSize * _stride, pinned: true);
        _counts = new int[maxBatchSize];
        _buckets = SlotBuckets(featureCount);
        _tensors = new OrtHandle?[maxBatchSize * _buckets.Length * 2];
    }

    public override IReadOnlyList<string> Names => InputNames;

    /// <summary>The K of the last bound batch (for tests and benchmarks).</summary>
    internal int BoundSlots => _packedSlots;

    /// <summary>K for each bucket: 32, 64, … below F + 1, then F + 1.</summary>
    public static int[] SlotBuckets(int featureCount)
    {
        var buckets = new List<int>();
        for (var slots = MinSlots; slots < featureCount + 1; slots *= 2)
        {
            buckets.Add(slots);
        }
        buckets.Add(featureCount + 1);
        return buckets.ToArray();
    }

    public override void SetRow(int row, ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"A row has {FeatureCount} features, not {features.Length}.", nameof(features));
        }
        if (_packedRows != 0)
        {
            Spread();
        }
        var at = row * _stride;
        _counts[row] = NonZeroPacker.Pack(features, _index.AsSpan(at, _stride), _value.AsSpan(at, _stride));
    }

    public override void SetPackedRow(int row, ReadOnlySpan<int> index, ReadOnlySpan<float> value)
    {
        if (index.Length != value.Length || index.Length > FeatureCount)
        {
            throw new ArgumentException($"A row has at most {FeatureCount} pairs of one index and one value.", nameof(index));
        }
        if (_packedRows != 0)
        {
            Spread();
        }
        var at = row * _stride;
        index.CopyTo(_index.AsSpan(at, _stride));
        value.CopyTo(_value.AsSpan(at, _stride));
        _counts[row] = index.Length;
    }

    public override void Bind(OrtSession session, int rows, nint* tensors)
    {
        if (_packedRows != rows)
        {
            if (_packedRows != 0)
            {
                Spread();
            }
            Pack(rows);
        }
        var at = ((rows - 1) * _buckets.Length + _packedBucket) * 2;
        var index = _tensors[at];
        var value = _tensors[at + 1];
        if (index is null || value is null)
        {
            fixed (int* indexData = _index)
            fixed (float* valueData = _value)
            {
                index = _tensors[at] ??= session.CreateInt32Tensor(indexData, rows * _packedSlots, [rows, _packedSlots]);
                value = _tensors[at + 1] ??= session.CreateFloatTensor(valueData, rows * _packedSlots, [rows, _packedSlots]);
            }
        }
        tensors[0] = index.DangerousGetHandle();
        tensors[1] = value.DangerousGetHandle();
    }

    public override void Dispose()
    {
        foreach (var tensor in _tensors)
        {
            tensor?.Dispose();
        }
    }

    /// <summary>Slides rows [0, rows) from F + 1 slots apart to K apart, padding each to K.</summary>
    private void Pack(int rows)
    {
        var most = 0;
        for (var row = 0; row < rows; row++)
        {
            most = Math.Max(most, _counts[row]);
        }
        var bucket = 0;
        while (_buckets[bucket] < most)
        {
            bucket++;
        }
        var slots = _buckets[bucket];
        // Row r moves down from r·(F+1) to r·K ≤ r·(F+1), and its padding ends at (r+1)·K ≤ (r+1)·(F+1):
        // going up from row 0, nothing is overwritten before it is read.
        for (var row = 0; row < rows; row++)
        {
            var count = _counts[row];
            var to = row * slots;
            if (row > 0)
            {
                _index.AsSpan(row * _stride, count).CopyTo(_index.AsSpan(to, count));
                _value.AsSpan(row * _stride, count).CopyTo(_value.AsSpan(to, count));
            }
            _index.AsSpan(to + count, slots - count).Fill(FeatureCount);
            _value.AsSpan(to + count, slots - count).Clear();
        }
        _packedRows = rows;
        _packedSlots = slots;
        _packedBucket = bucket;
    }

    /// <summary>Undoes <see cref="Pack"/>: rows back to F + 1 slots apart, from the last down.</summary>
    private void Spread()
    {
        for (var row = _packedRows - 1; row > 0; row--)
        {
            var count = _counts[row];
            _index.AsSpan(row * _packedSlots, count).CopyTo(_index.AsSpan(row * _stride, count));
            _value.AsSpan(row * _packedSlots, count).CopyTo(_value.AsSpan(row * _stride, count));
        }
        _packedRows = 0;
        _packedSlots = 0;
    }
}
