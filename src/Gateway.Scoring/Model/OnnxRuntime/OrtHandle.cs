using System.Runtime.InteropServices;

namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>
/// Owns one ONNX Runtime object and releases it with its matching <c>Release*</c> function,
/// also when a load fails half-way or a finaliser runs.
/// </summary>
internal sealed class OrtHandle : SafeHandle
{
    private readonly OrtApi _api;
    private readonly int _releaseIndex;

    /// <param name="releaseIndex">An <see cref="OrtApiIndex"/> <c>Release*</c> position.</param>
    public OrtHandle(OrtApi api, int releaseIndex, nint handle)
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
        _api = api;
        _releaseIndex = releaseIndex;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.Release(_releaseIndex, handle);
        return true;
    }
}
