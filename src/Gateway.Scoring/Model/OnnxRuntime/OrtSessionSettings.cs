namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>How to open a session.</summary>
/// <param name="IntraOpThreads">Threads one operator may use; 1 runs the model on the calling thread.</param>
/// <param name="UseCuda">Ask for the CUDA execution provider first; CPU stays the fallback.</param>
/// <param name="AllowSpinning">Let ONNX Runtime's pool threads spin while waiting for work.</param>
internal readonly record struct OrtSessionSettings(int IntraOpThreads, bool UseCuda, int CudaDeviceId, bool AllowSpinning = false);
