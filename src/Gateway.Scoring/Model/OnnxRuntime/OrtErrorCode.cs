namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c>, in the header's order.</summary>
internal enum OrtErrorCode
{
    Ok,
    Fail,
    InvalidArgument,
    NoSuchFile,
    NoModel,
    EngineError,
    RuntimeException,
    InvalidProtobuf,
    ModelLoaded,
    NotImplemented,
    InvalidGraph,
    ExecutionProviderFail,
}
