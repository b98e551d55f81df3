namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>ONNX Runtime's <c>OrtLoggingLevel</c>.</summary>
internal enum OrtLoggingLevel
{
    Verbose,
    Info,
    Warning,
    Error,
    Fatal,
}
