namespace Gateway.Scoring.Model;

/// <summary>Where ONNX Runtime runs the content model.</summary>
public enum ModelExecutionProvider
{
    Cpu,

    /// <summary>
    /// CUDA when the loaded ONNX Runtime library has it; otherwise one warning is logged and the
    /// model runs on the CPU. The library fetched by the build is the CPU-only one.
    /// </summary>
    Cuda,
}
