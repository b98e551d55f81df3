using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Model;

/// <summary>The content model, bound from <c>Protection:Model</c>.</summary>
public sealed class ModelOptions
{
    /// <summary>
    /// Upper bound of <see cref="MaxBatchSize"/>: a batch's buffers are pinned for the process's life
    /// (MaxBatchSize × F × 4 bytes for a dense model, × (F + 1) × 8 for a sparse one: 69 MB at the limit).
    /// </summary>
    public const int MaxBatchSizeLimit = 4096;

    /// <summary>Upper bound of <see cref="MaxBatchWaitMicroseconds"/>: waiting longer would eat the request budget.</summary>
    public const int MaxBatchWaitLimitMicroseconds = 100_000;

    /// <summary>
    /// ONNX model file; relative paths resolve against the content root, then the binary's folder.
    /// Default <c>assets/model/content-model.onnx</c>.
    /// </summary>
    public string Path { get; set; } = "assets/model/content-model.onnx";

    /// <summary>Default <see cref="ModelExecutionProvider.Cpu"/>.</summary>
    public ModelExecutionProvider ExecutionProvider { get; set; } = ModelExecutionProvider.Cpu;

    /// <summary>CUDA device when <see cref="ExecutionProvider"/> is Cuda. Default 0.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>Most requests scored in one model run. Default 64.</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>
    /// How long the batching worker waits for more requests once it has fewer than
    /// <see cref="MaxBatchSize"/>. Default 0: a lone request runs at once, and batches still form
    /// from what queues up while the previous batch runs. A positive wait trades that much
    /// latency for larger batches and spins the worker's core while it waits.
    /// </summary>
    public int MaxBatchWaitMicroseconds { get; set; }

    /// <summary>
    /// Admission bound: requests waiting for the worker beyond which new ones are shed at once
    /// (scored as <see cref="ContentScoreStatus.Shed"/>, counted as fail-open cause
    /// <c>content.shed</c>) instead of queueing. Default 256, four full default batches: when
    /// that many are waiting the worker is not keeping up (usually because the machine is out of
    /// CPU), and a request queued behind them would mostly come back after the policy's budget.
    /// </summary>
    public int MaxQueueDepth { get; set; } = 256;

    /// <summary>Upper bound of <see cref="InlineRunners"/>.</summary>
    public const int MaxInlineRunners = 256;

    /// <summary>
    /// How many requests may be scored at once on their callers' own threads, each with its own
    /// one-row buffers; a request that finds them all busy queues for the batching worker.
    /// Default: the number of processors. Scoring one row inline costs a few microseconds, while
    /// the hand-off to the worker (queue, wake-up, continuation back on the thread pool) costs
    /// tens, and under CPU overload the continuation waits behind everything else the thread
    /// pool has queued, so a decision that waited for it would miss its budget. 0 sends every
    /// request through the worker (batching only).
    /// </summary>
    public int InlineRunners { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Threads ONNX Runtime may use inside one model run. Default 1: the run happens on the
    /// batching worker and leaves the other cores to the proxy. 0 lets ONNX Runtime choose.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// ONNX Runtime's <c>session.intra_op.allow_spinning</c> (and the inter-op twin). Default
    /// false: with more than one intra-op thread, pool threads otherwise spin for a while after
    /// each run, burning the cores the proxy needs between requests. True may shave microseconds
    /// off batched runs on a machine with cores to spare.
    /// </summary>
    public bool AllowSpinning { get; set; }

    /// <summary>
    /// ONNX Runtime library to load. Default: <c>libonnxruntime.so.1</c> next to the assemblies,
    /// where the build puts it on linux-x64.
    /// </summary>
    public string? NativeLibraryPath { get; set; }

    /// <summary>
    /// Request contents whose score is remembered (<c>ScoreCache/ContentScoreCache</c>): a content
    /// sent again (the same method, target, content type and body prefix, up to 512 characters in
    /// all) is answered from memory, without extraction or a model call. Default 16,384 (a few MB for
    /// typical traffic, at most about 20 MB); rounded up to a power of two; 0 turns it off.
    /// </summary>
    public int ScoreCacheEntries { get; set; } = 16_384;

    /// <summary>
    /// When true, a model that cannot be loaded switches content scoring off with a warning
    /// instead of stopping the gateway. Default false.
    /// </summary>
    public bool Optional { get; set; }

    /// <summary>Adds every invalid setting to <paramref name="errors"/> under <paramref name="keyPrefix"/>.</summary>
    public void Validate(ConfigurationErrors errors, string keyPrefix = "Protection:Model")
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            errors.Add($"{keyPrefix}:Path", "must name the ONNX model file.");
        }
        if (!Enum.IsDefined(ExecutionProvider))
        {
            errors.Add($"{keyPrefix}:ExecutionProvider", $"'{ExecutionProvider}' is not one of Cpu, Cuda.");
        }
        if (CudaDeviceId < 0)
        {
            errors.Add($"{keyPrefix}:CudaDeviceId", $"must be 0 or more, not {CudaDeviceId}.");
        }
        if (MaxBatchSize is < 1 or > MaxBatchSizeLimit)
        {
            errors.Add($"{keyPrefix}:MaxBatchSize", $"must be between 1 and {MaxBatchSizeLimit}, not {MaxBatchSize}.");
        }
        if (MaxBatchWaitMicroseconds is < 0 or > MaxBatchWaitLimitMicroseconds)
        {
            errors.Add(
                $"{keyPrefix}:MaxBatchWaitMicroseconds",
                $"must be between 0 and {MaxBatchWaitLimitMicroseconds}, not {MaxBatchWaitMicroseconds}.");
        }
        if (MaxQueueDepth < 1)
        {
            errors.Add($"{keyPrefix}:MaxQueueDepth", $"must be 1 or more, not {MaxQueueDepth}.");
        }
        if (InlineRunners is < 0 or > MaxInlineRunners)
        {
            errors.Add($"{keyPrefix}:InlineRunners", $"must be between 0 and {MaxInlineRunners}, not {InlineRunners}.");
        }
        if (IntraOpThreads < 0)
        {
            errors.Add($"{keyPrefix}:IntraOpThreads", $"must be 0 (ONNX Runtime chooses) or more, not {IntraOpThreads}.");
        }
        if (ScoreCacheEntries is < 0 or > ScoreCache.ContentScoreCache.MaxEntries)
        {
            errors.Add(
                $"{keyPrefix}:ScoreCacheEntries",
                $"must be between 0 (off) and {ScoreCache.ContentScoreCache.MaxEntries}, not {ScoreCacheEntries}.");
        }
        if (NativeLibraryPath is not null && string.IsNullOrWhiteSpace(NativeLibraryPath))
        {
            errors.Add($"{keyPrefix}:NativeLibraryPath", "must name a file when set.");
        }
    }
}
