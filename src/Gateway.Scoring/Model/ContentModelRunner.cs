using System.Runtime.InteropServices;
using Gateway.Scoring.Model.OnnxRuntime;

namespace Gateway.Scoring.Model;

/// <summary>
/// Runs the content model over batches of up to <see cref="MaxBatchSize"/> rows without
/// allocating: rows are written into one pinned input buffer and results read from one pinned
/// output buffer, both handed to ONNX Runtime as tensors over that memory. The ORT tensor
/// objects for each batch size are made the first time that size runs and reused after.
/// Used by one thread at a time (the scorer's batching worker, or one caller running inline);
/// several runners may share one session, whose Run is thread-safe.
/// </summary>
internal sealed unsafe class ContentModelRunner : IDisposable
{
    private readonly OrtSession _session;
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly OrtHandle?[] _inputTensors;
    private readonly OrtHandle?[] _outputTensors;
    private readonly byte** _names;
    private readonly bool _ownsSession;
    private bool _disposed;

    /// <param name="ownsSession">Dispose the session with this runner (false when runners share it).</param>
    public ContentModelRunner(OrtSession session, int featureCount, int maxBatchSize, bool ownsSession = true)
    {
        _session = session;
        _ownsSession = ownsSession;
        FeatureCount = featureCount;
        MaxBatchSize = maxBatchSize;
        // Pinned-object-heap arrays never move, so ORT may keep pointers into them.
        _input = GC.AllocateArray<float>(maxBatchSize * featureCount, pinned: true);
        _output = GC.AllocateArray<float>(maxBatchSize, pinned: true);
        _inputTensors = new OrtHandle?[maxBatchSize];
        _outputTensors = new OrtHandle?[maxBatchSize];
        _names = AllocateNames();
    }

    public int FeatureCount { get; }

    public int MaxBatchSize { get; }

    /// <summary>Where row <paramref name="row"/> of the next batch goes.</summary>
    public Span<float> InputRow(int row) => _input.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>The model's answers for the last successful <see cref="Run"/> of <paramref name="rows"/> rows.</summary>
    public ReadOnlySpan<float> Outputs(int rows) => _output.AsSpan(0, rows);

    /// <summary>Runs the first <paramref name="rows"/> input rows. Null on success, else ORT's message.</summary>
    public string? Run(int rows)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        OrtHandle input, output;
        try
        {
            input = _inputTensors[rows - 1] ??= CreateInputTensor(rows);
            output = _outputTensors[rows - 1] ??= CreateOutputTensor(rows);
        }
        catch (OrtException e)
        {
            return e.Message;
        }
        var inputHandle = input.DangerousGetHandle();
        var outputHandle = output.DangerousGetHandle();
        return _session.Run(_names, &inputHandle, 1, _names + 1, &outputHandle, 1);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var tensor in _inputTensors)
        {
            tensor?.Dispose();
        }
        foreach (var tensor in _outputTensors)
        {
            tensor?.Dispose();
        }
        if (_ownsSession)
        {
            _session.Dispose();
        }
        NativeMemory.Free(_names[0]);
        NativeMemory.Free(_names[1]);
        NativeMemory.Free(_names);
    }

    private OrtHandle CreateInputTensor(int rows)
    {
        fixed (float* data = _input)
        {
            return _session.CreateFloatTensor(data, rows * FeatureCount, [rows, FeatureCount]);
        }
    }

    private OrtHandle CreateOutputTensor(int rows)
    {
        fixed (float* data = _output)
        {
            return _session.CreateFloatTensor(data, rows, [rows]);
        }
    }

    /// <summary>[input name, output name] as native zero-terminated UTF-8, for every Run.</summary>
    private static byte** AllocateNames()
    {
        var names = (byte**)NativeMemory.Alloc((nuint)(2 * sizeof(byte*)));
        names[0] = CopyToNative(ContentModelContract.InputName);
        names[1] = CopyToNative(ContentModelContract.OutputName);
        return names;
    }

    private static byte* CopyToNative(string text)
    {
        var bytes = OrtLibrary.Utf8Z(text);
        var native = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(native, bytes.Length));
        return native;
    }
}
