namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>ONNX Runtime's <c>ONNXType</c>: what kind of value an input or output holds.</summary>
internal enum OrtValueKind
{
    Unknown,
    Tensor,
    Sequence,
    Map,
    Opaque,
    SparseTensor,
    Optional,
}
