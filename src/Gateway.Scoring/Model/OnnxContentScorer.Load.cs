using Gateway.Scoring.Configuration;
using Gateway.Scoring.Model.OnnxRuntime;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Model;

internal sealed partial class OnnxContentScorer
{
    /// <summary>
    /// Loads the model named by <paramref name="options"/> and checks it against the content-model
    /// contract (<see cref="ContentModelContract"/>) and <paramref name="expectedSchema"/>.
    /// Every problem found goes into <paramref name="errors"/> — as a warning instead when
    /// <see cref="ModelOptions.Optional"/> — keyed <c>{keyPrefix}:Path</c> (model problems) or
    /// <c>{keyPrefix}:NativeLibraryPath</c> (ONNX Runtime problems) and naming the file.
    /// Returns null when the model cannot be served.
    /// </summary>
    /// <param name="expectedSchema">The feature extractor's schema; the model's <c>feature_schema</c> must equal it.</param>
    public static OnnxContentScorer? Load(
        ModelOptions options,
        AssetPaths paths,
        string expectedSchema,
        ConfigurationErrors errors,
        ProtectionMetrics metrics,
        ILoggerFactory loggerFactory,
        string keyPrefix = "Protection:Model",
        TimeProvider? timeProvider = null)
    {
        var errorsBefore = errors.Errors.Count;
        options.Validate(errors, keyPrefix);
        if (errors.Errors.Count > errorsBefore)
        {
            return null;
        }

        var logger = loggerFactory.CreateLogger<OnnxContentScorer>();
        Action<string, string, string?> report = options.Optional ? errors.Warn : errors.Add;
        var pathKey = $"{keyPrefix}:Path";
        var libraryKey = $"{keyPrefix}:NativeLibraryPath";

        var modelPath = paths.Resolve(options.Path);
        if (!File.Exists(modelPath))
        {
            report(pathKey, "model file not found.", modelPath);
            return null;
        }

        var libraryPath = options.NativeLibraryPath is null ? OrtLibrary.DefaultPath : paths.Resolve(options.NativeLibraryPath);
        OrtLibrary library;
        try
        {
            library = OrtLibrary.Load(libraryPath, loggerFactory.CreateLogger(typeof(OrtLibrary).FullName!));
        }
        catch (Exception e) when (e is IOException or DllNotFoundException or BadImageFormatException
                                      or InvalidOperationException or OrtException)
        {
            report(libraryKey, $"cannot load ONNX Runtime: {e.Message}", libraryPath);
            return null;
        }

        var settings = new OrtSessionSettings(
            options.IntraOpThreads, options.ExecutionProvider == ModelExecutionProvider.Cuda, options.CudaDeviceId, options.AllowSpinning);
        OrtSession session;
        try
        {
            session = OrtSession.Open(library, modelPath, settings);
        }
        catch (OrtException e)
        {
            report(pathKey, $"ONNX Runtime {library.Version} cannot load the model: {e.OrtMessage}", modelPath);
            return null;
        }

        try
        {
            var problems = ContentModelContract.Check(session, expectedSchema, out var shape);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    report(pathKey, "model " + problem, modelPath);
                }
                session.Dispose();
                return null;
            }
            if (session.CudaUnavailableReason is { } reason)
            {
                Log.CudaUnavailable(logger, options.CudaDeviceId, reason);
            }
            var runner = new ContentModelRunner(session, shape, options.MaxBatchSize);
            var inlineRunners = new ContentModelRunner[options.InlineRunners];
            for (var i = 0; i < inlineRunners.Length; i++)
            {
                inlineRunners[i] = new ContentModelRunner(session, shape, 1, ownsSession: false);
            }
            Log.ModelLoaded(logger, modelPath, shape.FeatureCount, shape.Layout, expectedSchema, library.Version,
                session.CudaUnavailableReason is null ? options.ExecutionProvider : ModelExecutionProvider.Cpu);
            return new OnnxContentScorer(runner, inlineRunners, options, metrics, logger, timeProvider ?? TimeProvider.System);
        }
        catch (OrtException e)
        {
            session.Dispose();
            report(pathKey, $"ONNX Runtime {library.Version} cannot describe the model: {e.OrtMessage}", modelPath);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(
            EventId = 1, Level = LogLevel.Information,
            Message = "Content model {ModelPath} loaded: {FeatureCount} features ({InputLayout} input), schema {Schema}, ONNX Runtime {OrtVersion} on {ExecutionProvider}")]
        public static partial void ModelLoaded(
            ILogger logger, string modelPath, int featureCount, ContentModelInputLayout inputLayout, string schema, string ortVersion, ModelExecutionProvider executionProvider);

        [LoggerMessage(
            EventId = 2, Level = LogLevel.Warning,
            Message = "CUDA execution provider (device {CudaDeviceId}) is not available, the content model runs on the CPU. ONNX Runtime: {OrtMessage}")]
        public static partial void CudaUnavailable(ILogger logger, int cudaDeviceId, string ortMessage);
    }
}
