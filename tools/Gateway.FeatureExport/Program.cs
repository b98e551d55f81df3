using System.Text.Json;
using Gateway.FeatureExport;
using Gateway.Scoring.Content;

var errors = new List<string>();
var options = ExportOptions.Parse(args, errors);
if (options is null)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine(error);
    }
    Console.Error.WriteLine(ExportOptions.Usage);
    return 2;
}

var rows = DatasetLoader.Load(options, errors);
if (errors.Count > 0)
{
    // A partial matrix would silently train on less than asked for: refuse, naming every problem.
    foreach (var error in errors)
    {
        Console.Error.WriteLine(error);
    }
    Console.Error.WriteLine($"{errors.Count} problem(s) in the input; nothing written.");
    return 1;
}

if (options.LearnProfilePath is not null)
{
    var learned = ProfileCommands.Learn(rows, options);
    Console.WriteLine($"learned profile '{learned.Name}' from {learned.Requests} normal requests: {learned.Paths} paths, "
        + $"prefixes {string.Join(", ", learned.Prefixes)}; wrote {options.LearnProfilePath}");
    return 0;
}

var extractor = new ContentFeatureExtractor();
MatrixExporter.Export(rows, extractor, options.OutputDirectory, writeMatrix: !options.SkipMatrix);
Console.WriteLine($"exported {rows.Count} rows x {extractor.FeatureCount} features ({extractor.SchemaVersion}) to {options.OutputDirectory}"
    + (options.SkipMatrix ? " (features.npy not written)" : ""));

if (options.ModelPath is not null)
{
    var scores = ModelScoring.Score(rows, extractor, options.ModelPath, errors);
    if (scores is null)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }
        return 1;
    }
    MatrixExporter.WriteVector(Path.Combine(options.OutputDirectory, "scores.npy"), "<f4", scores);
    Console.WriteLine($"scored {scores.Length} rows with {options.ModelPath}");
}

ExtractionMeasurement.Result? measured = null;
if (options.MeasureRounds > 0)
{
    measured = ExtractionMeasurement.Measure(rows, extractor, options.MeasureRounds);
    Console.WriteLine(
        $"extraction: {measured.Value.NanosecondsPerRequest:F0} ns/request, " +
        $"{measured.Value.BytesAllocatedPerRequest:F1} bytes allocated/request " +
        $"({measured.Value.Requests} requests x {measured.Value.Rounds} rounds, one thread)");
}

if (options.ProfilePath is not null)
{
    var verdicts = ProfileCommands.Check(rows, options.ProfilePath, errors);
    if (verdicts is not { } checkedRows)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }
        return 1;
    }
    MatrixExporter.WriteVector(Path.Combine(options.OutputDirectory, "profile_risk.npy"), "<f4", checkedRows.Risks);
    MatrixExporter.WriteVector(Path.Combine(options.OutputDirectory, "profile_content_discount.npy"), "<f4", checkedRows.ContentDiscounts);
    Console.WriteLine($"checked {checkedRows.Risks.Length} rows against {options.ProfilePath}");
}

var bySource = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
foreach (var row in rows)
{
    if (!bySource.TryGetValue(row.Source, out var counts))
    {
        bySource[row.Source] = counts = new int[2];
    }
    counts[row.IsAttack ? 1 : 0]++;
}
var summary = new Dictionary<string, object?>
{
    ["feature_schema"] = extractor.SchemaVersion,
    ["feature_count"] = extractor.FeatureCount,
    ["layout"] = new Dictionary<string, object>
    {
        ["value_ngrams"] = new[] { ContentFeatureLayout.ValueOffset, ContentFeatureLayout.ValueBuckets },
        ["handcrafted"] = new[] { ContentFeatureLayout.HandcraftedOffset, HandcraftedFeature.Count },
    },
    ["handcrafted_names"] = HandcraftedFeature.Names,
    ["rows"] = rows.Count,
    ["sources"] = bySource.ToDictionary(s => s.Key, s => new { normal = s.Value[0], attack = s.Value[1] }),
    ["extraction"] = measured is { } m
        ? new { ns_per_request = Math.Round(m.NanosecondsPerRequest), bytes_allocated_per_request = Math.Round(m.BytesAllocatedPerRequest, 1), requests = m.Requests, rounds = m.Rounds }
        : null,
};
await File.WriteAllTextAsync(
    Path.Combine(options.OutputDirectory, "summary.json"),
    JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
return 0;
