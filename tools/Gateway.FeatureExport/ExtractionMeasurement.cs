using System.Diagnostics;
using Gateway.Scoring.Content;

namespace Gateway.FeatureExport;

/// <summary>
/// Informal cost of the extractor over real traffic: mean time and bytes allocated per request on
/// one thread, after a warm-up pass. Benchmarks proper live in the benchmark project.
/// </summary>
internal static class ExtractionMeasurement
{
    public readonly record struct Result(int Requests, int Rounds, double NanosecondsPerRequest, double BytesAllocatedPerRequest);

    public static Result Measure(IReadOnlyList<ExportRow> rows, IContentFeatureExtractor extractor, int rounds)
    {
        var contents = new RequestContent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            contents[i] = new RequestContent(row.Method, row.Target, row.Body, row.ContentType);
        }
        var features = new float[extractor.FeatureCount];
        Run(contents, extractor, features);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            Run(contents, extractor, features);
        }
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var calls = (double)contents.Length * rounds;
        return new Result(contents.Length, rounds, stopwatch.Elapsed.TotalNanoseconds / calls, allocated / calls);
    }

    private static void Run(RequestContent[] contents, IContentFeatureExtractor extractor, float[] features)
    {
        foreach (var content in contents)
        {
            extractor.Extract(content, features);
        }
    }
}
