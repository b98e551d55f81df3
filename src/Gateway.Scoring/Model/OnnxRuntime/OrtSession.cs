using System.Globalization;
using System.Runtime.InteropServices;

namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>
/// An ONNX Runtime inference session with its inputs and outputs described once at load.
/// Load-time calls throw <see cref="OrtException"/>; <see cref="Run"/> returns ORT's error as a
/// value because it is on the hot path. Not thread-safe beyond what ORT guarantees for Run.
/// </summary>
internal sealed unsafe class OrtSession : IDisposable
{
    private readonly OrtLibrary _library;
    private readonly OrtHandle _session;
    private readonly OrtHandle _runOptions;

    private OrtSession(OrtLibrary library, OrtHandle session, string? cudaUnavailableReason)
    {
        _library = library;
        _session = session;
        _runOptions = CreateQuietRunOptions(library.Api);
        CudaUnavailableReason = cudaUnavailableReason;
        Inputs = DescribeAll(input: true);
        Outputs = DescribeAll(input: false);
    }

    public IReadOnlyList<OrtTensorInfo> Inputs { get; }

    public IReadOnlyList<OrtTensorInfo> Outputs { get; }

    /// <summary>Why CUDA was asked for but not used (ORT's message); null when not asked or in use.</summary>
    public string? CudaUnavailableReason { get; }

    private OrtApi Api => _library.Api;

    public static OrtSession Open(OrtLibrary library, string modelPath, OrtSessionSettings settings)
    {
        var api = library.Api;
        nint rawOptions;
        api.ThrowIfFailed(api.CreateSessionOptions(&rawOptions), "CreateSessionOptions");
        using var options = new OrtHandle(api, OrtApiIndex.ReleaseSessionOptions, rawOptions);

        api.ThrowIfFailed(api.SetIntraOpNumThreads(rawOptions, settings.IntraOpThreads), "SetIntraOpNumThreads");
        // One model run at a time comes from the batching worker, so a second pool would only idle.
        api.ThrowIfFailed(api.SetInterOpNumThreads(rawOptions, 1), "SetInterOpNumThreads");
        api.ThrowIfFailed(api.SetSessionGraphOptimizationLevel(rawOptions, OrtGraphOptimizationLevel.All), "SetSessionGraphOptimizationLevel");
        // Spinning pool threads would burn the cores the proxy needs between bursts (off unless asked).
        var spinning = settings.AllowSpinning ? "1" : "0";
        AddConfigEntry(api, rawOptions, "session.intra_op.allow_spinning", spinning);
        AddConfigEntry(api, rawOptions, "session.inter_op.allow_spinning", spinning);

        var cudaUnavailableReason = settings.UseCuda ? TryAppendCuda(api, rawOptions, settings.CudaDeviceId) : null;

        var path = OrtLibrary.Utf8Z(modelPath);
        nint rawSession;
        fixed (byte* pathPointer = path)
        {
            api.ThrowIfFailed(api.CreateSession(library.Env, pathPointer, rawOptions, &rawSession), "CreateSession");
        }
        var session = new OrtHandle(api, OrtApiIndex.ReleaseSession, rawSession);
        try
        {
            return new OrtSession(library, session, cudaUnavailableReason);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A value of the model's custom metadata map, or null when the key is absent.</summary>
    public string? LookupCustomMetadata(string key)
    {
        nint rawMetadata;
        Api.ThrowIfFailed(Api.SessionGetModelMetadata(Handle, &rawMetadata), "SessionGetModelMetadata");
        using var metadata = new OrtHandle(Api, OrtApiIndex.ReleaseModelMetadata, rawMetadata);
        var keyBytes = OrtLibrary.Utf8Z(key);
        byte* value;
        fixed (byte* keyPointer = keyBytes)
        {
            Api.ThrowIfFailed(
                Api.ModelMetadataLookupCustomMetadataMap(rawMetadata, _library.DefaultAllocator, keyPointer, &value),
                "ModelMetadataLookupCustomMetadataMap");
        }
        return TakeAllocatedString(value);
    }

    /// <summary>
    /// A float tensor over caller-owned memory. The caller keeps <paramref name="data"/> alive and
    /// unmoved (pinned) for as long as the returned handle is used.
    /// </summary>
    public OrtHandle CreateFloatTensor(float* data, int elementCount, ReadOnlySpan<long> shape) =>
        CreateTensor(data, (nuint)elementCount * sizeof(float), shape, OrtTensorElementType.Float);

    /// <summary>An int32 tensor over caller-owned memory, kept alive and pinned like <see cref="CreateFloatTensor"/>'s.</summary>
    public OrtHandle CreateInt32Tensor(int* data, int elementCount, ReadOnlySpan<long> shape) =>
        CreateTensor(data, (nuint)elementCount * sizeof(int), shape, OrtTensorElementType.Int32);

    private OrtHandle CreateTensor(void* data, nuint byteLength, ReadOnlySpan<long> shape, OrtTensorElementType elementType)
    {
        nint value;
        fixed (long* shapePointer = shape)
        {
            Api.ThrowIfFailed(
                Api.CreateTensorWithDataAsOrtValue(
                    _library.CpuMemoryInfo, data, byteLength, shapePointer, (nuint)shape.Length, elementType, &value),
                "CreateTensorWithDataAsOrtValue");
        }
        return new OrtHandle(Api, OrtApiIndex.ReleaseValue, value);
    }

    /// <summary>
    /// Runs the model into pre-allocated outputs. Returns null on success, else ORT's message.
    /// The caller keeps the session alive for the call (the scorer disposes only after its worker stops).
    /// </summary>
    public string? Run(byte** inputNames, nint* inputs, int inputCount, byte** outputNames, nint* outputs, int outputCount)
    {
        var status = Api.Run(
            _session.DangerousGetHandle(), _runOptions.DangerousGetHandle(),
            inputNames, inputs, (nuint)inputCount, outputNames, (nuint)outputCount, outputs);
        return status == 0 ? null : Api.TakeErrorMessage(status);
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    /// <summary>
    /// Run options that keep ONNX Runtime from logging each failed run itself: the failure comes
    /// back as a status, and the scorer logs it once per many batches instead of once per request.
    /// </summary>
    private static OrtHandle CreateQuietRunOptions(OrtApi api)
    {
        nint runOptions;
        api.ThrowIfFailed(api.CreateRunOptions(&runOptions), "CreateRunOptions");
        var handle = new OrtHandle(api, OrtApiIndex.ReleaseRunOptions, runOptions);
        try
        {
            api.ThrowIfFailed(api.RunOptionsSetRunLogSeverityLevel(runOptions, OrtLoggingLevel.Fatal), "RunOptionsSetRunLogSeverityLevel");
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private nint Handle => _session.DangerousGetHandle();

    private static void AddConfigEntry(OrtApi api, nint options, string key, string value)
    {
        fixed (byte* keyPointer = OrtLibrary.Utf8Z(key))
        fixed (byte* valuePointer = OrtLibrary.Utf8Z(value))
        {
            api.ThrowIfFailed(api.AddSessionConfigEntry(options, keyPointer, valuePointer), $"AddSessionConfigEntry({key})");
        }
    }

    /// <summary>
    /// Appends the CUDA execution provider through the V2 options API (no struct layout to keep in
    /// step with the header). A build without CUDA answers with an error status; the session
    /// then runs on the CPU provider and the reason is returned for the caller to log once.
    /// </summary>
    private static string? TryAppendCuda(OrtApi api, nint sessionOptions, int deviceId)
    {
        nint cudaOptions;
        var status = api.CreateCUDAProviderOptions(&cudaOptions);
        if (status != 0)
        {
            return api.TakeErrorMessage(status);
        }
        try
        {
            fixed (byte* key = "device_id\0"u8)
            fixed (byte* value = OrtLibrary.Utf8Z(deviceId.ToString(CultureInfo.InvariantCulture)))
            {
                var keys = stackalloc byte*[1] { key };
                var values = stackalloc byte*[1] { value };
                status = api.UpdateCUDAProviderOptions(cudaOptions, keys, values, 1);
            }
            if (status == 0)
            {
                status = api.SessionOptionsAppendExecutionProvider_CUDA_V2(sessionOptions, cudaOptions);
            }
            return status == 0 ? null : api.TakeErrorMessage(status);
        }
        finally
        {
            api.Release(OrtApiIndex.ReleaseCUDAProviderOptions, cudaOptions);
        }
    }

    private OrtTensorInfo[] DescribeAll(bool input)
    {
        nuint count;
        Api.ThrowIfFailed(
            input ? Api.SessionGetInputCount(Handle, &count) : Api.SessionGetOutputCount(Handle, &count),
            input ? "SessionGetInputCount" : "SessionGetOutputCount");
        var infos = new OrtTensorInfo[(int)count];
        for (var i = 0; i < infos.Length; i++)
        {
            infos[i] = Describe(input, (nuint)i);
        }
        return infos;
    }

    private OrtTensorInfo Describe(bool input, nuint index)
    {
        byte* rawName;
        Api.ThrowIfFailed(
            input
                ? Api.SessionGetInputName(Handle, index, _library.DefaultAllocator, &rawName)
                : Api.SessionGetOutputName(Handle, index, _library.DefaultAllocator, &rawName),
            input ? "SessionGetInputName" : "SessionGetOutputName");
        var name = TakeAllocatedString(rawName) ?? string.Empty;

        nint rawTypeInfo;
        Api.ThrowIfFailed(
            input
                ? Api.SessionGetInputTypeInfo(Handle, index, &rawTypeInfo)
                : Api.SessionGetOutputTypeInfo(Handle, index, &rawTypeInfo),
            input ? "SessionGetInputTypeInfo" : "SessionGetOutputTypeInfo");
        using var typeInfo = new OrtHandle(Api, OrtApiIndex.ReleaseTypeInfo, rawTypeInfo);

        OrtValueKind kind;
        Api.ThrowIfFailed(Api.GetOnnxTypeFromTypeInfo(rawTypeInfo, &kind), "GetOnnxTypeFromTypeInfo");
        if (kind != OrtValueKind.Tensor)
        {
            return new OrtTensorInfo(name, kind, OrtTensorElementType.Undefined, []);
        }

        nint tensorInfo; // owned by typeInfo
        Api.ThrowIfFailed(Api.CastTypeInfoToTensorInfo(rawTypeInfo, &tensorInfo), "CastTypeInfoToTensorInfo");
        OrtTensorElementType elementType;
        Api.ThrowIfFailed(Api.GetTensorElementType(tensorInfo, &elementType), "GetTensorElementType");
        nuint rank;
        Api.ThrowIfFailed(Api.GetDimensionsCount(tensorInfo, &rank), "GetDimensionsCount");
        var shape = new long[(int)rank];
        fixed (long* shapePointer = shape)
        {
            Api.ThrowIfFailed(Api.GetDimensions(tensorInfo, shapePointer, rank), "GetDimensions");
        }
        return new OrtTensorInfo(name, kind, elementType, shape);
    }

    /// <summary>Copies a string ORT allocated with the default allocator, then frees it there.</summary>
    private string? TakeAllocatedString(byte* value)
    {
        if (value is null)
        {
            return null;
        }
        var text = Marshal.PtrToStringUTF8((nint)value);
        var status = Api.AllocatorFree(_library.DefaultAllocator, value);
        if (status != 0)
        {
            Api.TakeErrorMessage(status); // freeing a few bytes failed: nothing useful to do but release the status
        }
        return text;
    }
}
