namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>A model input or output as ONNX Runtime describes it.</summary>
/// <param name="Shape">Dimensions; <c>-1</c> marks a dynamic (symbolic) one. Empty when not a tensor.</param>
internal sealed record OrtTensorInfo(string Name, OrtValueKind Kind, OrtTensorElementType ElementType, long[] Shape)
{
    /// <summary>e.g. <c>tensor(Float)[-1,16]</c>, for error messages.</summary>
    public string Describe() =>
        Kind == OrtValueKind.Tensor ? $"tensor({ElementType})[{string.Join(',', Shape)}]" : Kind.ToString();
}
