using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Content;

namespace Gateway.Benchmarks.Content;

/// <summary>Decoding and n-gram hashing of representative requests into the model's feature vector.</summary>
[MemoryDiagnoser]
public class ContentExtractionBenchmarks
{
    private readonly ContentFeatureExtractor _extractor = new();
    private float[] _vector = null!;
    private RequestContent _benignGet;
    private RequestContent _benignPost;
    private RequestContent _sqlInjection;
    private RequestContent _xssPost;
    private RequestContent _largePost;

    [GlobalSetup]
    public void Setup()
    {
        _vector = new float[_extractor.FeatureCount];
        _benignGet = RepresentativeRequests.Content(RepresentativeRequests.BenignGet);
        _benignPost = RepresentativeRequests.Content(RepresentativeRequests.BenignPost);
        _sqlInjection = RepresentativeRequests.Content(RepresentativeRequests.SqlInjection);
        _xssPost = RepresentativeRequests.Content(RepresentativeRequests.XssPost);
        _largePost = RepresentativeRequests.Content(RepresentativeRequests.LargeEncodedPost);
    }

    [Benchmark(Baseline = true, Description = "benign GET")]
    public float BenignGet() => Extract(_benignGet);

    [Benchmark(Description = "benign form POST")]
    public float BenignPost() => Extract(_benignPost);

    [Benchmark(Description = "SQL injection in the query")]
    public float SqlInjection() => Extract(_sqlInjection);

    [Benchmark(Description = "XSS in a form POST")]
    public float XssPost() => Extract(_xssPost);

    [Benchmark(Description = "6 KiB double-encoded form POST")]
    public float LargePost() => Extract(_largePost);

    private float Extract(in RequestContent content)
    {
        _extractor.Extract(content, _vector);
        return _vector[0];
    }
}
