using Gateway.Scoring.Model.OnnxRuntime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Model;

public sealed class OrtLibraryTests
{
    [Fact]
    public void Load_LibraryTheBuildCopied_IsOnnxRuntime1300()
    {
        Assert.True(File.Exists(OrtLibrary.DefaultPath), $"The build should have copied {OrtLibrary.DefaultPath}.");

        var library = OrtLibrary.Load(OrtLibrary.DefaultPath, NullLogger.Instance);

        Assert.Equal("1.30.0", library.Version);
        Assert.NotEqual(0, library.Env);
        Assert.NotEqual(0, library.CpuMemoryInfo);
    }

    [Fact]
    public void Load_SamePathTwice_ReturnsTheSameLibrary()
    {
        var first = OrtLibrary.Load(OrtLibrary.DefaultPath, NullLogger.Instance);
        var second = OrtLibrary.Load(Path.Combine(AppContext.BaseDirectory, ".", OrtLibrary.DefaultFileName), NullLogger.Instance);

        Assert.Same(first, second);
    }

    [Fact]
    public unsafe void ThrowIfFailed_FailedStatus_CarriesOnnxRuntimesCodeAndMessage()
    {
        var api = OrtLibrary.Load(OrtLibrary.DefaultPath, NullLogger.Instance).Api;
        nint status;
        fixed (byte* message = "no such model\0"u8)
        {
            status = api.CreateStatus(OrtErrorCode.NoSuchFile, message);
        }

        var error = Assert.Throws<OrtException>(() => api.ThrowIfFailed(status, "CreateSession"));

        Assert.Equal(OrtErrorCode.NoSuchFile, error.Code);
        Assert.Equal("no such model", error.OrtMessage);
        Assert.Equal("CreateSession failed (NoSuchFile): no such model", error.Message);
    }
}
