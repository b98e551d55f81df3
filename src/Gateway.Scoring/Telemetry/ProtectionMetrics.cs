using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Scoring.Challenge;

namespace Gateway.Scoring.Telemetry;

/// <summary>
/// Every instrument of the protection pipeline, created once from <see cref="IMeterFactory"/>.
/// Each record is guarded by <c>Enabled</c> so that an unobserved gateway pays nothing for tags.
/// </summary>
public sealed class ProtectionMetrics
{
    public const string MeterName = "Gateway.Protection";

    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _scoringDuration;
    private readonly Histogram<double> _contentDuration;
    private readonly Counter<long> _signalTimeouts;
    private readonly Counter<long> _failOpen;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _storeErrors;
    private readonly Counter<long> _storeFallbackReads;
    private readonly Counter<long> _forwardedHeaderRejected;

    public ProtectionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        Challenge = new ChallengeMetrics(meter);
        Meter = meter;
        _decisions = meter.CreateCounter<long>(
            "protection.decisions", "{request}", "Requests scored, by action, primary reason and route.");
        _scoringDuration = meter.CreateHistogram<double>(
            "protection.scoring.duration", "s", "Time from request arrival to decision.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.00002, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
            });
        _contentDuration = meter.CreateHistogram<double>(
            "protection.content.duration", "s",
            "Time the content signal took where it was computed (not answered by the score cache), by stage: " +
            "extraction, or model for a run on the request's own thread (a queued run's wait is part of protection.scoring.duration).",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.000002, 0.000005, 0.00001, 0.00002, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.01],
            });
        _signalTimeouts = meter.CreateCounter<long>(
            "protection.signal.timeouts", "{event}", "Signals left out of a decision because they missed their deadline.");
        _failOpen = meter.CreateCounter<long>(
            "protection.fail_open", "{event}", "Requests passed without a full score because a signal was down, late or shed.");
        _batchSize = meter.CreateHistogram<int>(
            "protection.model.batch_size", "{request}", "Requests scored together in one model run.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _storeErrors = meter.CreateCounter<long>(
            "protection.store.errors", "{event}", "Feature-store operations that failed (Redis errors, timeouts).");
        _storeFallbackReads = meter.CreateCounter<long>(
            "protection.store.fallback_reads", "{read}", "Feature reads served by the in-process fallback while Redis was unavailable.");
        _forwardedHeaderRejected = meter.CreateCounter<long>(
            "protection.client_ip.forwarded_rejected", "{request}", "Forwarding headers from trusted proxies that could not be parsed.");
    }

    /// <summary>The proof-of-work challenge's instruments (issued, solved, failed, clearance).</summary>
    internal ChallengeMetrics Challenge { get; }
    /// <summary>The protection meter, for instruments kept beside their concern (e.g. <c>Login/LoginMetrics</c>).</summary>
    public Meter Meter { get; }

    public void Decision(string action, string reason, string route)
    {
        if (_decisions.Enabled)
        {
            _decisions.Add(1, new TagList { { "action", action }, { "reason", reason }, { "route", route } });
        }
    }

    public void ScoringDuration(TimeSpan elapsed, string action)
    {
        if (_scoringDuration.Enabled)
        {
            _scoringDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("action", action));
        }
    }

    /// <summary>Whether <see cref="ContentStage"/> is listened to: the caller takes timestamps only then.</summary>
    internal bool ContentStagesObserved => _contentDuration.Enabled;

    /// <param name="stage"><c>extraction</c> or <c>model</c>.</param>
    internal void ContentStage(string stage, TimeSpan elapsed)
    {
        if (_contentDuration.Enabled)
        {
            _contentDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));
        }
    }

    /// <param name="signal">features, content, …</param>
    public void SignalTimeout(string signal)
    {
        if (_signalTimeouts.Enabled)
        {
            _signalTimeouts.Add(1, new KeyValuePair<string, object?>("signal", signal));
        }
    }

    /// <param name="cause">e.g. <c>features.timeout</c>, <c>content.shed</c>, <c>store.unavailable</c>, <c>pipeline.error</c>.</param>
    public void FailOpen(string cause)
    {
        if (_failOpen.Enabled)
        {
            _failOpen.Add(1, new KeyValuePair<string, object?>("cause", cause));
        }
    }

    public void BatchSize(int size)
    {
        if (_batchSize.Enabled)
        {
            _batchSize.Record(size);
        }
    }

    /// <param name="operation">read, write.</param>
    public void StoreError(string operation)
    {
        if (_storeErrors.Enabled)
        {
            _storeErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));
        }
    }

    /// <summary>A read served by the in-process fallback: the decision lacks what other replicas
    /// saw, so it also counts as a fail-open event (cause <c>features.fallback</c>).</summary>
    public void StoreFallbackRead()
    {
        if (_storeFallbackReads.Enabled)
        {
            _storeFallbackReads.Add(1);
        }
        FailOpen("features.fallback");
    }

    public void ForwardedHeaderRejected()
    {
        if (_forwardedHeaderRejected.Enabled)
        {
            _forwardedHeaderRejected.Add(1);
        }
    }
}
