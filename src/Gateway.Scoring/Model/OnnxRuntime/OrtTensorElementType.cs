namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>ONNX Runtime's <c>ONNXTensorElementDataType</c> (mirrors TensorProto.DataType).</summary>
internal enum OrtTensorElementType
{
    Undefined,
    Float,
    UInt8,
    Int8,
    UInt16,
    Int16,
    Int32,
    Int64,
    String,
    Bool,
    Float16,
    Double,
    UInt32,
    UInt64,
    Complex64,
    Complex128,
    BFloat16,
}
