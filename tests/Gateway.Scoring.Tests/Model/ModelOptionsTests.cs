using Gateway.Scoring.Configuration;
using Gateway.Scoring.Model;

namespace Gateway.Scoring.Tests.Model;

public sealed class ModelOptionsTests
{
    [Fact]
    public void Defaults_AreValidAndDocumented()
    {
        var options = new ModelOptions();
        var errors = new ConfigurationErrors();

        options.Validate(errors);

        Assert.Empty(errors.Errors);
        Assert.Equal("assets/model/content-model.onnx", options.Path);
        Assert.Equal(ModelExecutionProvider.Cpu, options.ExecutionProvider);
        Assert.Equal(0, options.CudaDeviceId);
        Assert.Equal(64, options.MaxBatchSize);
        Assert.Equal(0, options.MaxBatchWaitMicroseconds);
        Assert.Equal(256, options.MaxQueueDepth);
        Assert.Equal(Environment.ProcessorCount, options.InlineRunners);
        Assert.False(options.AllowSpinning);
        Assert.Equal(1, options.IntraOpThreads);
        Assert.Null(options.NativeLibraryPath);
        Assert.False(options.Optional);
        Assert.Equal(16_384, options.ScoreCacheEntries);
    }

    [Fact]
    public void Validate_EveryFieldOutOfRange_ReportsEachUnderItsKey()
    {
        var options = new ModelOptions
        {
            Path = " ",
            ExecutionProvider = (ModelExecutionProvider)7,
            CudaDeviceId = -1,
            MaxBatchSize = ModelOptions.MaxBatchSizeLimit + 1,
            MaxBatchWaitMicroseconds = -5,
            MaxQueueDepth = 0,
            InlineRunners = -1,
            IntraOpThreads = -2,
            ScoreCacheEntries = -1,
            NativeLibraryPath = "",
        };
        var errors = new ConfigurationErrors();

        options.Validate(errors);

        Assert.Equal(
            [
                "Protection:Model:Path: must name the ONNX model file.",
                "Protection:Model:ExecutionProvider: '7' is not one of Cpu, Cuda.",
                "Protection:Model:CudaDeviceId: must be 0 or more, not -1.",
                "Protection:Model:MaxBatchSize: must be between 1 and 4096, not 4097.",
                "Protection:Model:MaxBatchWaitMicroseconds: must be between 0 and 100000, not -5.",
                "Protection:Model:MaxQueueDepth: must be 1 or more, not 0.",
                "Protection:Model:InlineRunners: must be between 0 and 256, not -1.",
                "Protection:Model:IntraOpThreads: must be 0 (ONNX Runtime chooses) or more, not -2.",
                "Protection:Model:ScoreCacheEntries: must be between 0 (off) and 1048576, not -1.",
                "Protection:Model:NativeLibraryPath: must name a file when set.",
            ],
            errors.Errors);
    }
}
