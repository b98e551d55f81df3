using System.Diagnostics.Metrics;
using System.Net;
using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Pipeline;
using Gateway.Scoring.Reputation;
using Gateway.Scoring.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Pipeline;

/// <summary>
/// The whole per-request path of <see cref="ProtectionMiddleware"/> as YARP runs it: the route's
/// policy, the evaluation, the clearance check, metrics, the decision and <c>Server-Timing</c>
/// headers, forwarding to a <c>next</c> that answers 200 at once (standing in for the upstream),
/// and learning from that answer. The baseline is the same middleware with protection off, which
/// is what bare YARP pays. Clients rotate over 65,536 unlisted addresses, so that none reaches a rate
/// limit or a reputation list and every request is forwarded.
/// </summary>
[MemoryDiagnoser]
public class ProtectionMiddlewareBenchmarks
{
    private static readonly RequestDelegate Upstream = static context =>
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    };

    private readonly List<IDisposable> _owned = [];
    private readonly Dictionary<ProtectionMiddleware, ProtectionRuntime> _runtimes = [];
    private ProtectionMiddleware _disabled = null!;
    private ProtectionMiddleware _withHeaders = null!;
    private ProtectionMiddleware _withoutHeaders = null!;
    private ProtectionMiddleware _remembering = null!;
    private ProtectionMiddleware _observed = null!;
    private ProtectionMiddleware _disabledLater = null!;
    private ProtectionMiddleware _withHeadersLater = null!;
    private TaskCompletionSource? _upstreamAnswer;
    private MeterListener? _listener;
    private string[] _clients = null!;
    private RepresentativeRequests.ReusableContext _benignGet = null!;
    private RepresentativeRequests.ReusableContext _benignPost = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _disabled = Middleware(("Protection:Enabled", "false"));
        _withHeaders = Middleware(("Protection:DecisionHeader", "true"), BenchmarkAssets.NoScoreCache);
        _withoutHeaders = Middleware(("Protection:DecisionHeader", "false"), BenchmarkAssets.NoScoreCache);
        _remembering = Middleware(("Protection:DecisionHeader", "true"));
        // An upstream that answers after the middleware has gone async, as a real one always does:
        // what the middleware keeps while it waits is allocated then.
        RequestDelegate later = context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return (_upstreamAnswer = new TaskCompletionSource()).Task;
        };
        _disabledLater = Middleware(later, BenchmarkAssets.Metrics(), ("Protection:Enabled", "false"));
        _withHeadersLater = Middleware(later, BenchmarkAssets.Metrics(), ("Protection:DecisionHeader", "true"), BenchmarkAssets.NoScoreCache);
        // Metrics exported (e.g. over OTLP): every instrument has a listener, so tags are built.
        var observedMetrics = BenchmarkAssets.Metrics();
        _observed = Middleware(observedMetrics, ("Protection:DecisionHeader", "true"), BenchmarkAssets.NoScoreCache);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == observedMetrics.Meter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _listener.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _listener.SetMeasurementEventCallback<int>(static (_, _, _, _) => { });
        _listener.Start();

        // Unlisted addresses only, so that every case measures a request that is forwarded.
        var reputation = ReputationOf(_withHeaders);
        _clients = ClientAddresses.PublicIPv4(80_000, 3)
            .Where(address => !reputation.Lookup(IPAddress.Parse(address)).IsListed)
            .Take(65536)
            .ToArray();
        _benignGet = new RepresentativeRequests.ReusableContext(RepresentativeRequests.BenignGet, _clients[0]).OnRoute();
        _benignPost = new RepresentativeRequests.ReusableContext(RepresentativeRequests.BenignPost, _clients[0]).OnRoute();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "protection off (bare YARP's path)")]
    public Task Disabled() => Invoke(_disabled, _benignGet);

    [Benchmark(Description = "benign GET")]
    public Task BenignGet() => Invoke(_withHeaders, _benignGet);

    [Benchmark(Description = "benign GET sent before (score cache hit)")]
    public Task BenignGetRemembered() => Invoke(_remembering, _benignGet);

    [Benchmark(Description = "benign GET, no decision headers")]
    public Task BenignGetWithoutHeaders() => Invoke(_withoutHeaders, _benignGet);

    [Benchmark(Description = "benign GET, metrics observed")]
    public Task BenignGetObserved() => Invoke(_observed, _benignGet);

    [Benchmark(Description = "benign form POST")]
    public Task BenignPost() => Invoke(_withHeaders, _benignPost);

    [Benchmark(Description = "protection off, upstream answers later")]
    public Task DisabledUpstreamLater() => InvokeAndAnswer(_disabledLater, _benignGet);

    [Benchmark(Description = "benign GET, upstream answers later")]
    public Task BenignGetUpstreamLater() => InvokeAndAnswer(_withHeadersLater, _benignGet);

    /// <summary>The continuation after the upstream's answer runs on this thread, inside SetResult.</summary>
    private Task InvokeAndAnswer(ProtectionMiddleware middleware, RepresentativeRequests.ReusableContext request)
    {
        var pending = Invoke(middleware, request);
        _upstreamAnswer!.SetResult();
        return pending;
    }

    private Task Invoke(ProtectionMiddleware middleware, RepresentativeRequests.ReusableContext request)
    {
        request.Reset(_clients[_next++ & (_clients.Length - 1)]);
        return middleware.Invoke(request.Context);
    }

    private IReputationLookup ReputationOf(ProtectionMiddleware middleware) => _runtimes[middleware].Sources.Reputation;

    private ProtectionMiddleware Middleware(params (string Key, string? Value)[] settings) =>
        Middleware(Upstream, BenchmarkAssets.Metrics(), settings);

    private ProtectionMiddleware Middleware(ProtectionMetrics metrics, params (string Key, string? Value)[] settings) =>
        Middleware(Upstream, metrics, settings);

    private ProtectionMiddleware Middleware(RequestDelegate next, ProtectionMetrics metrics, params (string Key, string? Value)[] settings)
    {
        var runtime = ProtectionRuntime.Create(
            BenchmarkAssets.Configuration([("ConnectionStrings:Redis", ""), .. settings]),
            BenchmarkAssets.GatewayContentRoot, metrics, TimeProvider.System, NullLoggerFactory.Instance);
        _owned.Add(runtime);
        var middleware = new ProtectionMiddleware(next, runtime, metrics, TimeProvider.System, NullLogger<ProtectionMiddleware>.Instance);
        _runtimes[middleware] = runtime;
        return middleware;
    }
}
