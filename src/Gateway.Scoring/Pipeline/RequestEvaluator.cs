using System.Buffers;
using Gateway.Scoring.Content;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Features;
using Gateway.Scoring.Model;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Signals;
using Gateway.Scoring.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Scoring.Pipeline;

/// <summary>
/// Asks every signal about one request and decides within the policy's latency budget. The cheap
/// signals (client IP, reputation, geo) answer inline; the feature store and the content model run
/// concurrently, and whichever is not back by the deadline is left out of the decision.
/// </summary>
internal sealed class RequestEvaluator(SignalSources sources, ProtectionMetrics metrics, TimeProvider time)
{
    public async Task<Evaluation> EvaluateAsync(HttpContext context, CompiledPolicy policy, long startTimestamp)
    {
        var request = context.Request;
        var signals = new RequestSignals();
        var ip = sources.ClientAddress.Resolve(context);
        signals.ClientIp = ip;
        signals.Reputation = sources.Reputation.Lookup(ip);
        if (signals.Reputation.IsListed)
        {
            signals.ReputationReason = sources.Reputation.Lists[signals.Reputation.StrongestList].Reason;
        }
        signals.Geo = sources.Geo.Lookup(ip);

        var key = new BehaviourKey(ip.ToString());
        var features = ReadFeatures(key, out var featuresTask);
        // Counted after the read was sent, so the read sees the client's history, not this request.
        sources.Store.RecordRequest(key, request.Path.Value ?? "/");

        var remaining = policy.Budget - time.GetElapsedTime(startTimestamp);
        using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
        var scoreContent = policy.Options.ScoreContent && sources.Scorer is not null;
        var bodyTask = scoreContent
            ? BodyPrefix.ReadAsync(request, policy.Options.MaxBodyBytes)
            : Task.FromResult(BodyPrefix.Empty);
        var contentTask = scoreContent ? ScoreContentAsync(context, bodyTask, deadline.Token) : null;

        if ((featuresTask is { IsCompleted: false }) || (contentTask is { IsCompleted: false }))
        {
            await WaitUntilDeadline(featuresTask, contentTask, deadline.Token).ConfigureAwait(false);
        }
        signals.BodyLate = !bodyTask.IsCompleted;
        if (signals.BodyLate)
        {
            metrics.SignalTimeout("body");
        }
        // The prefix read owns the request body until it ends: it must finish before forwarding.
        var body = await bodyTask.ConfigureAwait(false);
        if (!signals.BodyLate)
        {
            Profile.ProfileSignal.Apply(context, policy, body, ref signals);
        }

        signals.BehaviourState = Settle(featuresTask, ref features, "features");
        signals.Behaviour = features;
        signals.ContentState = contentTask is null ? SignalState.Skipped : SettleContent(contentTask, ref signals.ContentProbability);

        var decision = RiskCombiner.Decide(signals, policy);
        return new Evaluation(decision, key, signals, body);
    }

    /// <summary>Returns the features at once when the store answered synchronously (in-process store);
    /// otherwise hands back the pending task.</summary>
    private BehaviourFeatures ReadFeatures(BehaviourKey key, out Task<BehaviourFeatures>? pending)
    {
        pending = null;
        try
        {
            var read = sources.Store.ReadAsync(key, CancellationToken.None);
            if (read.IsCompletedSuccessfully)
            {
                return read.Result;
            }
            pending = read.AsTask();
        }
        catch (Exception ex)
        {
            pending = Task.FromException<BehaviourFeatures>(ex);
        }
        return BehaviourFeatures.Empty;
    }

    /// <returns>Null when the body did not arrive before the deadline, so there was nothing complete to score.</returns>
    private async Task<ContentScore?> ScoreContentAsync(HttpContext context, Task<BodyPrefix> bodyTask, CancellationToken deadline)
    {
        var body = await bodyTask.ConfigureAwait(false);
        if (deadline.IsCancellationRequested)
        {
            return null;
        }
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = request.PathBase.Value + request.Path.Value + request.QueryString.Value;
        }
        var content = new RequestContent(request.Method, target, body.Memory, request.ContentType);
        var count = sources.Extractor.FeatureCount;
        var buffer = ArrayPool<float>.Shared.Rent(count);
        ValueTask<ContentScore> pending;
        try
        {
            var vector = buffer.AsSpan(0, count);
            sources.Extractor.Extract(content, vector);
            pending = sources.Scorer!.ScoreAsync(vector, CancellationToken.None);
        }
        finally
        {
            // The scorer copies the vector before ScoreAsync returns.
            ArrayPool<float>.Shared.Return(buffer);
        }
        return await pending.ConfigureAwait(false);
    }

    private static async Task WaitUntilDeadline(Task? features, Task? content, CancellationToken deadline)
    {
        try
        {
            var all = (features, content) switch
            {
                (not null, not null) => Task.WhenAll(features, content),
                (not null, null) => features,
                _ => content!,
            };
            await all.WaitAsync(deadline).ConfigureAwait(false);
        }
        catch
        {
            // Late or failed signals are examined one by one in Settle; nothing to do here.
        }
    }

    private SignalState Settle(Task<BehaviourFeatures>? pending, ref BehaviourFeatures features, string signal)
    {
        if (pending is null)
        {
            return SignalState.Ready;
        }
        if (pending.IsCompletedSuccessfully)
        {
            features = pending.Result;
            return SignalState.Ready;
        }
        if (pending.IsCompleted)
        {
            _ = pending.Exception; // observed: the store already counted and logged its failure
            return SignalState.Unavailable;
        }
        metrics.SignalTimeout(signal);
        ObserveLater(pending);
        return SignalState.Late;
    }

    private SignalState SettleContent(Task<ContentScore?> pending, ref float probability)
    {
        if (!pending.IsCompleted)
        {
            metrics.SignalTimeout("content");
            ObserveLater(pending);
            return SignalState.Late;
        }
        if (!pending.IsCompletedSuccessfully)
        {
            _ = pending.Exception;
            return SignalState.Unavailable;
        }
        if (pending.Result is not { } score)
        {
            return SignalState.Late;
        }
        switch (score.Status)
        {
            case ContentScoreStatus.Scored:
                probability = score.Probability;
                return SignalState.Ready;
            case ContentScoreStatus.Shed:
                return SignalState.Shed;
            case ContentScoreStatus.Failed:
                return SignalState.Unavailable;
            default:
                return SignalState.Unavailable;
        }
    }

    private static void ObserveLater(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
