using System.Runtime.InteropServices;
using Gateway.Scoring.Model.OnnxRuntime;

namespace Gateway.Scoring.Model;

/// <summary>
/// Runs the content model over batches of up to <see cref="MaxBatchSize"/> rows without
/// allocating: rows go into pinned input buffers in the model's layout (<see cref="ContentModelInput"/>:
/// dense, or the sparse layout's non-zero features) and results come out of one pinned output
/// buffer, all handed to ONNX Runtime as tensors over that memory, made the first time a shape runs
/// and reused after. Used by one thread at a time (the scorer's batching worker, or one caller
/// running inline); several runners may share one session, whose Run is thread-safe.
/// </summary>
internal sealed unsafe class ContentModelRunner : IDisposable
{
    private readonly OrtSession _session;
    private readonly ContentModelInput _input;
    private readonly float[] _output;
    private readonly OrtHandle?[] _outputTensors;
    private readonly nint* _inputTensors;
    private readonly byte** _inputNames;
    private readonly byte** _outputNames;
    private readonly bool _ownsSession;
    private bool _disposed;

    /// <param name="ownsSession">Dispose the session with this runner (false when runners share it).</param>
    public ContentModelRunner(OrtSession session, ContentModelShape shape, int maxBatchSize, bool ownsSession = true)
    {
        _session = session;
        _ownsSession = ownsSession;
        Layout = shape.Layout;
        MaxBatchSize = maxBatchSize;
        _input = ContentModelInput.Create(shape, maxBatchSize);
        _output = GC.AllocateArray<float>(maxBatchSize, pinned: true);
        _outputTensors = new OrtHandle?[maxBatchSize];
        _inputTensors = (nint*)NativeMemory.AllocZeroed((nuint)(_input.Names.Count * sizeof(nint)));
        _inputNames = AllocateNames(_input.Names);
        _outputNames = AllocateNames([ContentModelContract.OutputName]);
    }

    public int FeatureCount => _input.FeatureCount;

    public int MaxBatchSize { get; }

    public ContentModelInputLayout Layout { get; }

    /// <summary>The input buffers (for tests and benchmarks that look at what a run was given).</summary>
    internal ContentModelInput Input => _input;

    /// <summary>Sets row <paramref name="row"/> of the next batch to the extractor's dense feature vector.</summary>
    public void SetRow(int row, ReadOnlySpan<float> features) => _input.SetRow(row, features);

    /// <summary>
    /// Sets row <paramref name="row"/> of the next batch to a feature vector given as its non-zero
    /// (index, value) pairs in index order (<see cref="NonZeroPacker"/>'s output).
    /// </summary>
    public void SetPackedRow(int row, ReadOnlySpan<int> index, ReadOnlySpan<float> value) => _input.SetPackedRow(row, index, value);

    /// <summary>The model's answers for the last successful <see cref="Run"/> of <paramref name="rows"/> rows.</summary>
    public ReadOnlySpan<float> Outputs(int rows) => _output.AsSpan(0, rows);

    /// <summary>Runs the first <paramref name="rows"/> rows. Null on success, else ORT's message.</summary>
    public string? Run(int rows)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        OrtHandle output;
        try
        {
            _input.Bind(_session, rows, _inputTensors);
            output = _outputTensors[rows - 1] ??= CreateOutputTensor(rows);
        }
        catch (OrtException e)
        {
            return e.Message;
        }
        var outputHandle = output.DangerousGetHandle();
        return _session.Run(_inputNames, _inputTensors, _input.Names.Count, _outputNames, &outputHandle, 1);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _input.Dispose();
        foreach (var tensor in _outputTensors)
        {
            tensor?.Dispose();
        }
        if (_ownsSession)
        {
            _session.Dispose();
        }
        FreeNames(_inputNames, _input.Names.Count);
        FreeNames(_outputNames, 1);
        NativeMemory.Free(_inputTensors);
    }

    private OrtHandle CreateOutputTensor(int rows)
    {
        fixed (float* data = _output)
        {
            return _session.CreateFloatTensor(data, rows, [rows]);
        }
    }

    /// <summary>Names as native zero-terminated UTF-8, for every Run.</summary>
    private static byte** AllocateNames(IReadOnlyList<string> names)
    {
        var native = (byte**)NativeMemory.Alloc((nuint)(names.Count * sizeof(byte*)));
        for (var i = 0; i < names.Count; i++)
        {
            native[i] = CopyToNative(names[i]);
        }
        return native;
    }

    private static void FreeNames(byte** names, int count)
    {
        for (var i = 0; i < count; i++)
        {
            NativeMemory.Free(names[i]);
        }
        NativeMemory.Free(names);
    }

    private static byte* CopyToNative(string text)
    {
        var bytes = OrtLibrary.Utf8Z(text);
        var native = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(native, bytes.Length));
        return native;
    }
}
