namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>ONNX Runtime's <c>OrtMemType</c>.</summary>
internal enum OrtMemType
{
    CpuInput = -2,
    CpuOutput = -1,
    Default = 0,
}
