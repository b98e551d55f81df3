namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>ONNX Runtime's <c>GraphOptimizationLevel</c>.</summary>
internal enum OrtGraphOptimizationLevel
{
    DisableAll = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
