namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>
/// Positions of the functions this binding calls in ONNX Runtime's <c>OrtApi</c> table
/// (include/onnxruntime/core/session/onnxruntime_c_api.h). The table is append-only across
/// versions, so a position never changes once shipped; a wrong one calls the wrong function
/// and crashes, so every value was counted from the header and cross-checked against the
/// <c>static_assert(offsetof(OrtApi, X) / sizeof(void*) == n)</c> checkpoints in
/// onnxruntime_c_api.cc: ReleaseCustomOpDomain 101, ReleaseModelMetadata 118,
/// AddFreeDimensionOverrideByName 124, ReleaseAvailableProviders 126, SetGlobalSpinControl 149,
/// ReleaseArenaCfg 157, GetCurrentGpuDeviceId 161, SynchronizeBoundOutputs 203,
/// SessionOptionsAppendExecutionProvider_MIGraphX 209. <see cref="OrtLibrary"/> also probes
/// CreateStatus/GetErrorCode/GetErrorMessage/ReleaseStatus at load as a cheap sanity check.
/// </summary>
internal static class OrtApiIndex
{
    // Version 1
    public const int CreateStatus = 0;
    public const int GetErrorCode = 1;
    public const int GetErrorMessage = 2;
    public const int CreateEnvWithCustomLogger = 4;
    public const int CreateSession = 7;
    public const int Run = 9;
    public const int CreateSessionOptions = 10;
    public const int SetSessionGraphOptimizationLevel = 23;
    public const int SetIntraOpNumThreads = 24;
    public const int SetInterOpNumThreads = 25;
    public const int SessionGetInputCount = 30;
    public const int SessionGetOutputCount = 31;
    public const int SessionGetInputTypeInfo = 33;
    public const int SessionGetOutputTypeInfo = 34;
    public const int SessionGetInputName = 36;
    public const int SessionGetOutputName = 37;
    public const int CreateRunOptions = 39;
    public const int RunOptionsSetRunLogSeverityLevel = 41;
    public const int CreateTensorWithDataAsOrtValue = 49;
    public const int CastTypeInfoToTensorInfo = 55;
    public const int GetOnnxTypeFromTypeInfo = 56;
    public const int GetTensorElementType = 60;
    public const int GetDimensionsCount = 61;
    public const int GetDimensions = 62;
    public const int CreateCpuMemoryInfo = 69;
    public const int AllocatorFree = 76;
    public const int GetAllocatorWithDefaultOptions = 78;
    public const int ReleaseEnv = 92;
    public const int ReleaseStatus = 93;
    public const int ReleaseMemoryInfo = 94;
    public const int ReleaseSession = 95;
    public const int ReleaseValue = 96;
    public const int ReleaseRunOptions = 97;
    public const int ReleaseTypeInfo = 98;
    public const int ReleaseSessionOptions = 100;

    // Version 2
    public const int SessionGetModelMetadata = 111;
    public const int ModelMetadataLookupCustomMetadataMap = 116;
    public const int ReleaseModelMetadata = 118;

    // Version 5
    public const int AddSessionConfigEntry = 130;

    // Version 11
    public const int SessionOptionsAppendExecutionProvider_CUDA_V2 = 204;
    public const int CreateCUDAProviderOptions = 205;
    public const int UpdateCUDAProviderOptions = 206;
    public const int ReleaseCUDAProviderOptions = 208;

    /// <summary>
    /// The API version requested from <c>OrtApiBase::GetApi</c>: the oldest one that has every
    /// function above (the CUDA V2 functions arrived in 11). Any newer library serves it, so an
    /// operator may point <c>NativeLibraryPath</c> at another ONNX Runtime build.
    /// </summary>
    public const uint RequiredApiVersion = 11;
}
