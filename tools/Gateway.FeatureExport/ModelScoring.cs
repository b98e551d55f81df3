using System.Diagnostics.Metrics;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Content;
using Gateway.Scoring.Model;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.FeatureExport;

/// <summary>
/// Scores every row with a model file through the gateway's own serving path (the real extractor,
/// <see cref="OnnxContentScorer"/> and the hand-written ONNX Runtime binding), so an evaluation
/// measures exactly what the gateway would answer, not a Python re-implementation of it.
/// </summary>
internal static class ModelScoring
{
    // Enough concurrent calls to fill the scorer's micro-batches, few enough never to be shed.
    private const int Window = 256;

    /// <returns>One probability per row, or null with every problem in <paramref name="errors"/>.</returns>
    public static float[]? Score(IReadOnlyList<ExportRow> rows, IContentFeatureExtractor extractor, string modelPath, List<string> errors)
    {
        var options = new ModelOptions
        {
            Path = Path.GetFullPath(modelPath),
            MaxBatchSize = 64,
            MaxQueueDepth = Window * 2,
        };
        var configurationErrors = new ConfigurationErrors();
        using var meterFactory = new SimpleMeterFactory();
        using var scorer = OnnxContentScorer.Load(options, new AssetPaths(Directory.GetCurrentDirectory()),
            extractor.SchemaVersion, configurationErrors, new ProtectionMetrics(meterFactory), NullLoggerFactory.Instance,
            keyPrefix: "--score");
        if (scorer is null)
        {
            errors.AddRange(configurationErrors.Errors);
            return null;
        }

        var scores = new float[rows.Count];
        var features = new float[extractor.FeatureCount];
        var pending = new ValueTask<ContentScore>[Window];
        for (var start = 0; start < rows.Count; start += Window)
        {
            var count = Math.Min(Window, rows.Count - start);
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                extractor.Extract(new RequestContent(row.Method, row.Target, row.Body, row.ContentType), features);
                pending[i] = scorer.ScoreAsync(features, CancellationToken.None);
            }
            for (var i = 0; i < count; i++)
            {
                var score = pending[i].AsTask().GetAwaiter().GetResult();
                if (score.Status != ContentScoreStatus.Scored)
                {
                    errors.Add($"row {start + i} ({rows[start + i].Source}:{rows[start + i].Line}): the model answered {score.Status}");
                    return null;
                }
                scores[start + i] = score.Probability;
            }
        }
        return scores;
    }

    /// <summary>The scorer reports metrics; nobody listens to them here.</summary>
    private sealed class SimpleMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
