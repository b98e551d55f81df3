using System.Runtime.InteropServices;

namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>
/// Typed calls into ONNX Runtime's <c>OrtApi</c> function-pointer table. Only what the content
/// scorer needs is bound. This small binding exists because the Microsoft.ML.OnnxRuntime NuGet
/// package is not available to this build; it talks to the same native library that package
/// ships. Every opaque ORT object is an <see cref="nint"/>; every <c>OrtStatus*</c> return value
/// is null on success and must be released (see <see cref="ThrowIfFailed"/> and
/// <see cref="TakeErrorMessage"/>).
/// </summary>
internal readonly unsafe struct OrtApi
{
    private readonly void** _table;

    public OrtApi(void* table) => _table = (void**)table;

    public bool IsNull => _table is null;

    public nint CreateStatus(OrtErrorCode code, byte* message) =>
        ((delegate* unmanaged[Cdecl]<OrtErrorCode, byte*, nint>)_table[OrtApiIndex.CreateStatus])(code, message);

    public OrtErrorCode GetErrorCode(nint status) =>
        ((delegate* unmanaged[Cdecl]<nint, OrtErrorCode>)_table[OrtApiIndex.GetErrorCode])(status);

    public byte* GetErrorMessage(nint status) =>
        ((delegate* unmanaged[Cdecl]<nint, byte*>)_table[OrtApiIndex.GetErrorMessage])(status);

    public nint CreateEnvWithCustomLogger(
        delegate* unmanaged[Cdecl]<nint, int, byte*, byte*, byte*, byte*, void> logger,
        nint loggerParam, OrtLoggingLevel level, byte* logId, nint* env) =>
        ((delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<nint, int, byte*, byte*, byte*, byte*, void>, nint, OrtLoggingLevel, byte*, nint*, nint>)
            _table[OrtApiIndex.CreateEnvWithCustomLogger])(logger, loggerParam, level, logId, env);

    public nint CreateSession(nint env, byte* modelPath, nint options, nint* session) =>
        ((delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)_table[OrtApiIndex.CreateSession])(env, modelPath, options, session);

    public nint Run(
        nint session, nint runOptions,
        byte** inputNames, nint* inputs, nuint inputCount,
        byte** outputNames, nuint outputCount, nint* outputs) =>
        ((delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)_table[OrtApiIndex.Run])(
            session, runOptions, inputNames, inputs, inputCount, outputNames, outputCount, outputs);

    public nint CreateRunOptions(nint* runOptions) =>
        ((delegate* unmanaged[Cdecl]<nint*, nint>)_table[OrtApiIndex.CreateRunOptions])(runOptions);

    public nint RunOptionsSetRunLogSeverityLevel(nint runOptions, OrtLoggingLevel level) =>
        ((delegate* unmanaged[Cdecl]<nint, OrtLoggingLevel, nint>)_table[OrtApiIndex.RunOptionsSetRunLogSeverityLevel])(runOptions, level);

    public nint CreateSessionOptions(nint* options) =>
        ((delegate* unmanaged[Cdecl]<nint*, nint>)_table[OrtApiIndex.CreateSessionOptions])(options);

    public nint SetSessionGraphOptimizationLevel(nint options, OrtGraphOptimizationLevel level) =>
        ((delegate* unmanaged[Cdecl]<nint, OrtGraphOptimizationLevel, nint>)_table[OrtApiIndex.SetSessionGraphOptimizationLevel])(options, level);

    public nint SetIntraOpNumThreads(nint options, int threads) =>
        ((delegate* unmanaged[Cdecl]<nint, int, nint>)_table[OrtApiIndex.SetIntraOpNumThreads])(options, threads);

    public nint SetInterOpNumThreads(nint options, int threads) =>
        ((delegate* unmanaged[Cdecl]<nint, int, nint>)_table[OrtApiIndex.SetInterOpNumThreads])(options, threads);

    public nint AddSessionConfigEntry(nint options, byte* key, byte* value) =>
        ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)_table[OrtApiIndex.AddSessionConfigEntry])(options, key, value);

    public nint SessionGetInputCount(nint session, nuint* count) =>
        ((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)_table[OrtApiIndex.SessionGetInputCount])(session, count);

    public nint SessionGetOutputCount(nint session, nuint* count) =>
        ((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)_table[OrtApiIndex.SessionGetOutputCount])(session, count);

    public nint SessionGetInputTypeInfo(nint session, nuint index, nint* typeInfo) =>
        ((delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)_table[OrtApiIndex.SessionGetInputTypeInfo])(session, index, typeInfo);

    public nint SessionGetOutputTypeInfo(nint session, nuint index, nint* typeInfo) =>
        ((delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)_table[OrtApiIndex.SessionGetOutputTypeInfo])(session, index, typeInfo);

    public nint SessionGetInputName(nint session, nuint index, nint allocator, byte** name) =>
        ((delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)_table[OrtApiIndex.SessionGetInputName])(session, index, allocator, name);

    public nint SessionGetOutputName(nint session, nuint index, nint allocator, byte** name) =>
        ((delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)_table[OrtApiIndex.SessionGetOutputName])(session, index, allocator, name);

    /// <param name="byteLength">Size of <paramref name="data"/> in bytes, not elements.</param>
    public nint CreateTensorWithDataAsOrtValue(
        nint memoryInfo, void* data, nuint byteLength, long* shape, nuint rank, OrtTensorElementType type, nint* value) =>
        ((delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, OrtTensorElementType, nint*, nint>)
            _table[OrtApiIndex.CreateTensorWithDataAsOrtValue])(memoryInfo, data, byteLength, shape, rank, type, value);

    /// <summary>The tensor info is owned by <paramref name="typeInfo"/>; do not release it.</summary>
    public nint CastTypeInfoToTensorInfo(nint typeInfo, nint* tensorInfo) =>
        ((delegate* unmanaged[Cdecl]<nint, nint*, nint>)_table[OrtApiIndex.CastTypeInfoToTensorInfo])(typeInfo, tensorInfo);

    public nint GetOnnxTypeFromTypeInfo(nint typeInfo, OrtValueKind* kind) =>
        ((delegate* unmanaged[Cdecl]<nint, OrtValueKind*, nint>)_table[OrtApiIndex.GetOnnxTypeFromTypeInfo])(typeInfo, kind);

    public nint GetTensorElementType(nint tensorInfo, OrtTensorElementType* type) =>
        ((delegate* unmanaged[Cdecl]<nint, OrtTensorElementType*, nint>)_table[OrtApiIndex.GetTensorElementType])(tensorInfo, type);

    public nint GetDimensionsCount(nint tensorInfo, nuint* count) =>
        ((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)_table[OrtApiIndex.GetDimensionsCount])(tensorInfo, count);

    public nint GetDimensions(nint tensorInfo, long* dimensions, nuint count) =>
        ((delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)_table[OrtApiIndex.GetDimensions])(tensorInfo, dimensions, count);

    public nint CreateCpuMemoryInfo(OrtAllocatorType allocatorType, OrtMemType memType, nint* memoryInfo) =>
        ((delegate* unmanaged[Cdecl]<OrtAllocatorType, OrtMemType, nint*, nint>)_table[OrtApiIndex.CreateCpuMemoryInfo])(allocatorType, memType, memoryInfo);

    public nint AllocatorFree(nint allocator, void* pointer) =>
        ((delegate* unmanaged[Cdecl]<nint, void*, nint>)_table[OrtApiIndex.AllocatorFree])(allocator, pointer);

    /// <summary>The default allocator is owned by ONNX Runtime; it is never released.</summary>
    public nint GetAllocatorWithDefaultOptions(nint* allocator) =>
        ((delegate* unmanaged[Cdecl]<nint*, nint>)_table[OrtApiIndex.GetAllocatorWithDefaultOptions])(allocator);

    public nint SessionGetModelMetadata(nint session, nint* metadata) =>
        ((delegate* unmanaged[Cdecl]<nint, nint*, nint>)_table[OrtApiIndex.SessionGetModelMetadata])(session, metadata);

    /// <summary>Sets <paramref name="value"/> to null when the key is absent.</summary>
    public nint ModelMetadataLookupCustomMetadataMap(nint metadata, nint allocator, byte* key, byte** value) =>
        ((delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint>)_table[OrtApiIndex.ModelMetadataLookupCustomMetadataMap])(metadata, allocator, key, value);

    public nint CreateCUDAProviderOptions(nint* options) =>
        ((delegate* unmanaged[Cdecl]<nint*, nint>)_table[OrtApiIndex.CreateCUDAProviderOptions])(options);

    public nint UpdateCUDAProviderOptions(nint options, byte** keys, byte** values, nuint count) =>
        ((delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint>)_table[OrtApiIndex.UpdateCUDAProviderOptions])(options, keys, values, count);

    public nint SessionOptionsAppendExecutionProvider_CUDA_V2(nint sessionOptions, nint cudaOptions) =>
        ((delegate* unmanaged[Cdecl]<nint, nint, nint>)_table[OrtApiIndex.SessionOptionsAppendExecutionProvider_CUDA_V2])(sessionOptions, cudaOptions);

    /// <summary>Calls the <c>Release*</c> function at <paramref name="releaseIndex"/>; all share one signature.</summary>
    public void Release(int releaseIndex, nint handle) =>
        ((delegate* unmanaged[Cdecl]<nint, void>)_table[releaseIndex])(handle);

    /// <summary>Turns a failed status into an exception carrying ORT's own message; releases the status.</summary>
    public void ThrowIfFailed(nint status, string operation)
    {
        if (status != 0)
        {
            var code = GetErrorCode(status);
            var message = TakeErrorMessage(status);
            throw new OrtException(operation, code, message);
        }
    }

    /// <summary>Reads a failed status's message and releases the status (the hot path's error value).</summary>
    public string TakeErrorMessage(nint status)
    {
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status))?.TrimEnd() ?? "(no message)";
        Release(OrtApiIndex.ReleaseStatus, status);
        return message;
    }
}
