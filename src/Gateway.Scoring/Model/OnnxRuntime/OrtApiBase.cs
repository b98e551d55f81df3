namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>
/// ONNX Runtime's <c>OrtApiBase</c>, the one unversioned struct: two function pointers whose
/// order and signatures can never change (asserted in onnxruntime_c_api.cc).
/// </summary>
internal unsafe struct OrtApiBase
{
    public delegate* unmanaged[Cdecl]<uint, void*> GetApi;
    public delegate* unmanaged[Cdecl]<byte*> GetVersionString;
}
