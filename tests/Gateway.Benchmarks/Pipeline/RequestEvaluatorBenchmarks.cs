using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Pipeline;
using Gateway.Scoring.Policy;

namespace Gateway.Benchmarks.Pipeline;

/// <summary>
/// <see cref="RequestEvaluator.EvaluateAsync"/> over a <c>DefaultHttpContext</c>, with every
/// bundled signal loaded through <see cref="ProtectionRuntime.Create"/>: the in-process cost of one
/// decision, for each kind of request. Clients rotate over 4,096 addresses; over a long run each
/// one exceeds the rate limits, so later decisions include the behaviour contributions too.
/// </summary>
[MemoryDiagnoser]
public class RequestEvaluatorBenchmarks
{
    private ProtectionRuntime _runtime = null!;
    private ProtectionRuntime _cachingRuntime = null!;
    private CompiledPolicy _policy = null!;
    private CompiledPolicy _loginPolicy = null!;
    private string[] _clients = null!;
    private RepresentativeRequests.ReusableContext _benignGet = null!;
    private RepresentativeRequests.ReusableContext _benignPost = null!;
    private RepresentativeRequests.ReusableContext _sqlInjection = null!;
    private RepresentativeRequests.ReusableContext _xssPost = null!;
    private RepresentativeRequests.ReusableContext _largePost = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = BenchmarkAssets.CreateRuntime();
        _cachingRuntime = BenchmarkAssets.CreateRuntime(scoreCache: true);
        _policy = _runtime.Policies.Default;
        _loginPolicy = _runtime.Policies.Resolve(new Dictionary<string, string> { [PolicyCatalog.RouteMetadataKey] = "login" });
        _clients = ClientAddresses.PublicIPv4(4096, 2);
        _benignGet = new RepresentativeRequests.ReusableContext(RepresentativeRequests.BenignGet, _clients[0]).OnRoute();
        _benignPost = new RepresentativeRequests.ReusableContext(RepresentativeRequests.BenignPost, _clients[0]).OnRoute();
        _sqlInjection = new RepresentativeRequests.ReusableContext(RepresentativeRequests.SqlInjection, _clients[0]).OnRoute();
        _xssPost = new RepresentativeRequests.ReusableContext(RepresentativeRequests.XssPost, _clients[0]).OnRoute();
        _largePost = new RepresentativeRequests.ReusableContext(RepresentativeRequests.LargeEncodedPost, _clients[0]).OnRoute();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runtime.Dispose();
        _cachingRuntime.Dispose();
    }

    [Benchmark(Baseline = true, Description = "benign GET")]
    public Task<DecisionAction> BenignGet() => Evaluate(_benignGet, _policy);

    [Benchmark(Description = "benign GET sent before (score cache hit)")]
    public Task<DecisionAction> BenignGetRemembered() => Evaluate(_benignGet, _policy, _cachingRuntime);

    [Benchmark(Description = "benign form POST")]
    public Task<DecisionAction> BenignPost() => Evaluate(_benignPost, _policy);

    [Benchmark(Description = "benign form POST sent before (score cache hit)")]
    public Task<DecisionAction> BenignPostRemembered() => Evaluate(_benignPost, _policy, _cachingRuntime);

    [Benchmark(Description = "benign form POST, login policy")]
    public Task<DecisionAction> BenignPostLoginPolicy() => Evaluate(_benignPost, _loginPolicy);

    [Benchmark(Description = "SQL injection in the query")]
    public Task<DecisionAction> SqlInjection() => Evaluate(_sqlInjection, _policy);

    [Benchmark(Description = "XSS in a form POST")]
    public Task<DecisionAction> XssPost() => Evaluate(_xssPost, _policy);

    [Benchmark(Description = "6 KiB encoded form POST")]
    public Task<DecisionAction> LargePost() => Evaluate(_largePost, _policy);

    private async Task<DecisionAction> Evaluate(
        RepresentativeRequests.ReusableContext request, CompiledPolicy policy, ProtectionRuntime? runtime = null)
    {
        request.Reset(_clients[_next++ & (_clients.Length - 1)]);
        var evaluation = await (runtime ?? _runtime).Evaluator.EvaluateAsync(request.Context, policy, TimeProvider.System.GetTimestamp());
        evaluation.Body.Dispose();
        return evaluation.Decision.Action;
    }
}
