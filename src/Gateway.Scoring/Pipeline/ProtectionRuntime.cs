using Gateway.Scoring.Challenge;
using Gateway.Scoring.ClientIp;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Content;
using Gateway.Scoring.Features;
using Gateway.Scoring.Features.Redis;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Login;
using Gateway.Scoring.Model;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Reputation;
using Gateway.Scoring.ScoreCache;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Pipeline;

/// <summary>
/// Everything the middleware needs, loaded once at startup: policies, signals and the evaluator.
/// Owns the disposable parts (Redis connection, model session) for the host's lifetime.
/// </summary>
internal sealed partial class ProtectionRuntime : IDisposable
{
    private readonly ReputationDatabase? _reputation;
    private readonly GeoLookup? _geo;
    private readonly IFeatureStoreBackend? _store;
    private readonly RedisConnection? _redis;
    private readonly OnnxContentScorer? _scorer;
    private readonly string? _modelFile;

    /// <summary>How long startup waits for the challenge key to be shared through Redis before it
    /// signs with a local key (and adopts the shared one later).</summary>
    private static readonly TimeSpan ChallengeKeySharingWait = TimeSpan.FromSeconds(2);

    private ProtectionRuntime(
        bool enabled, bool decisionHeader, PolicyCatalog policies, SignalSources? sources, RequestEvaluator? evaluator,
        ReputationDatabase? reputation, GeoLookup? geo, IFeatureStoreBackend? store, OnnxContentScorer? scorer, string? modelFile,
        RedisConnection? redis = null)
    {
        _redis = redis;
        Enabled = enabled;
        DecisionHeader = decisionHeader;
        Policies = policies;
        Sources = sources!;
        Evaluator = evaluator!;
        _reputation = reputation;
        _geo = geo;
        _store = store;
        _scorer = scorer;
        _modelFile = modelFile;
    }

    /// <summary>The proof-of-work challenge and clearance; null only when protection is disabled.</summary>
    public ChallengeService Challenge { get; private init; } = null!;

    /// <summary>False: a bare YARP proxy (<c>Protection:Enabled=false</c>); nothing else is loaded.</summary>
    public bool Enabled { get; }
    public bool DecisionHeader { get; }
    public PolicyCatalog Policies { get; }
    public SignalSources Sources { get; }
    public RequestEvaluator Evaluator { get; }

    /// <summary>
    /// The one Redis connection of this process (<c>Protection:Features:Redis</c>), for every store
    /// that shares state between replicas; null without Redis. Owned here, disposed after the stores.
    /// </summary>
    public RedisConnection? Redis => _redis;

    /// <exception cref="ProtectionConfigurationException">Listing every configuration and asset problem.</exception>
    public static ProtectionRuntime Create(
        IConfiguration configuration, string contentRoot, ProtectionMetrics metrics, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger<ProtectionRuntime>();
        var errors = new ConfigurationErrors();
        var options = ProtectionOptionsBinder.Bind(configuration, errors);
        var policies = PolicyCatalog.Build(options.Policies, options.DefaultPolicy, errors, ProtectionOptions.SectionName);
        ProtectionOptionsBinder.ValidateRoutePolicies(configuration, policies, errors);
        if (!options.Enabled)
        {
            errors.ThrowIfAny();
            Log.Disabled(logger);
            return new ProtectionRuntime(false, false, policies, null, null, null, null, null, null, null);
        }

        var paths = new AssetPaths(contentRoot);
        const string section = ProtectionOptions.SectionName;
        var clientIp = ClientIpResolver.Create(options.ClientIp, errors, $"{section}:ClientIp");
        var reputation = ReputationDatabase.Load(options.Reputation, paths, errors, $"{section}:Reputation");
        var geo = GeoLookup.Load(options.Geo, paths, errors, $"{section}:Geo");
        Profile.ProfileCatalog.Attach(options.Profiles, options.Policies, policies, paths, errors, section);
        var extractor = new ContentFeatureExtractor();
        var scorer = OnnxContentScorer.Load(options.Model, paths, extractor.SchemaVersion, errors, metrics, loggerFactory, $"{section}:Model", time);
        var redisOptions = FeatureStoreOptionsValidator.Validate(
            options.Features, configuration.GetConnectionString("Redis"), errors, RedisConnectionSettings.ConnectionStringKey);
        RedisConnectionSettings.RejectScalarSection(configuration, errors);
        ChallengeOptionsValidator.Validate(options.Challenge, errors);
        LoginOptionsValidator.Validate(options.Login, configuration, errors);

        foreach (var warning in errors.Warnings)
        {
            Log.ConfigurationWarning(logger, warning);
        }
        if (errors.HasErrors)
        {
            scorer?.Dispose();
            errors.ThrowIfAny();
        }

        if (scorer is not null)
        {
            WarmUp(extractor, scorer);
        }
        var redis = redisOptions is null ? null : RedisConnection.Start(redisOptions, loggerFactory.CreateLogger<RedisConnection>());
        var store = FeatureStoreFactory.Create(redis, options.Features, metrics, time, loggerFactory);
        ReputationLog.Loaded(logger, reputation);
        Log.Loaded(logger, geo.IsLoaded ? geo.Describe() : "off", scorer is null ? "off" : paths.Resolve(options.Model.Path),
            store.Status.Backend, policies.Default.Name);

        var login = LoginDefenceFactory.Create(options.Login, options.Features, redisOptions?.Clone(), reputation, metrics, time, loggerFactory);
        var scoreCache = scorer is null || options.Model.ScoreCacheEntries == 0 ? null : new ContentScoreCache(options.Model.ScoreCacheEntries);
        if (scoreCache is not null)
        {
            ScoreCacheMetrics.Observe(metrics.Meter, scoreCache);
        }
        var sources = new SignalSources(new ForwardedClientAddress(clientIp, metrics), reputation, geo, store, extractor, scorer)
        {
            Login = login,
            ScoreCache = scoreCache,
        };
        var evaluator = new RequestEvaluator(sources, metrics, time);
        // The login store and the challenge keep multiplexers of their own, to the same Redis.
        var challenge = ChallengeService.Create(options.Challenge, redisOptions?.Clone(), options.Features.KeyPrefix, metrics.Challenge,
            time, loggerFactory, ChallengeKeySharingWait);
        return new ProtectionRuntime(true, options.DecisionHeader, policies, sources, evaluator,
            reputation, geo, store, scorer, scorer is null ? null : Path.GetFileName(paths.Resolve(options.Model.Path)), redis)
        {
            Challenge = challenge,
        };
    }

    /// <summary>Runs one request through extraction and the model so that the first real request does
    /// not pay for JIT and ONNX Runtime's first-run setup, which would make it miss its budget.</summary>
    private static void WarmUp(ContentFeatureExtractor extractor, OnnxContentScorer scorer)
    {
        var vector = new float[extractor.FeatureCount];
        var sample = new RequestContent("POST", "/warm-up?q=tea&page=1", "name=warm+up"u8.ToArray(), "application/x-www-form-urlencoded");
        extractor.Extract(sample, vector);
        scorer.ScoreAsync(vector, CancellationToken.None).AsTask().Wait(TimeSpan.FromSeconds(10));
    }

    public ReadinessReport Readiness()
    {
        if (!Enabled)
        {
            return new ReadinessReport(true, "disabled", new Dictionary<string, ComponentStatus>());
        }
        var store = _store!.Status;
        var storeState = store.Backend == FeatureStoreStatus.InProcessBackend ? "in-process"
            : store.IsHealthy ? "redis" : "fallback";
        var components = new Dictionary<string, ComponentStatus>
        {
            ["model"] = _scorer is null ? new("off", "optional model failed to load") : new("loaded", _modelFile),
            ["reputation"] = _reputation!.IsLoaded
                ? new("loaded", $"{_reputation.Lists.Count} lists, {_reputation.IntervalCount} intervals")
                : new("off", "optional lists failed to load"),
            ["geo"] = _geo!.IsLoaded ? new("loaded", _geo.Describe()) : new("off", "optional databases failed to load"),
            ["store"] = new(storeState, store.Circuit is { } circuit ? $"circuit {circuit}".ToLowerInvariant() : null),
            ["challenge"] = Challenge.Readiness(),
        };
        if (Sources.ScoreCache is { } cache)
        {
            components["scoreCache"] = new("on", $"{cache.Capacity} entries, {cache.Hits} hits, {cache.Misses} misses");
        }
        if (Sources.Login is { } login)
        {
            components["login"] = new(login.Store.State, null);
        }
        var degraded = _scorer is null || !_reputation.IsLoaded || !_geo.IsLoaded || !store.IsHealthy
            || Sources.Login?.Store.State == "fallback";
        return new ReadinessReport(true, degraded ? "degraded" : "ready", components);
    }

    public void Dispose()
    {
        _scorer?.Dispose();
        _store?.Dispose();
        Challenge?.Dispose();
        Sources?.Login?.Store.Dispose();
        _redis?.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Protection is disabled (Protection:Enabled=false): requests are proxied without scoring")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Protection configuration: {Warning}")]
        public static partial void ConfigurationWarning(ILogger logger, string warning);

        [LoggerMessage(3, LogLevel.Information, "Protection loaded: geo {Geo}; model {Model}; feature store {Store}; default policy {Policy}")]
        public static partial void Loaded(ILogger logger, string geo, string model, string store, string policy);
    }
}
