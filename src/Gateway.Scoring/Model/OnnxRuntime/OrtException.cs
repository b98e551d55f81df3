namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>A call into ONNX Runtime failed; the message is ONNX Runtime's own.</summary>
internal sealed class OrtException(string operation, OrtErrorCode code, string ortMessage)
    : Exception($"{operation} failed ({code}): {ortMessage}")
{
    public OrtErrorCode Code { get; } = code;

    /// <summary>ONNX Runtime's message alone, without the operation prefix.</summary>
    public string OrtMessage { get; } = ortMessage;
}
