using System.Buffers;
using Gateway.Scoring.Content;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Features;
using Gateway.Scoring.Model;
using Gateway.Scoring.Policy;
using Gateway.Scoring.ScoreCache;
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
    /// <summary>
    /// Completes synchronously when every signal answers at once (in-process store, a lone content
    /// request scored on this thread, no body to wait for): then no timer, task or continuation is
    /// made. Only a pending signal arms the deadline.
    /// </summary>
    public async ValueTask<Evaluation> EvaluateAsync(HttpContext context, CompiledPolicy policy, long startTimestamp)
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

        var deadline = startTimestamp + (long)(policy.Budget.TotalSeconds * time.TimestampFrequency);
        var scoreContent = policy.Options.ScoreContent && sources.Scorer is not null;
        // Login routes read the body too (for the username), up to the larger of the two bounds.
        var loginProfile = sources.Login?.ProfileFor(context);
        var bodyBytes = Math.Max(scoreContent ? policy.Options.MaxBodyBytes : 0, loginProfile?.Options.MaxBodyBytes ?? 0);
        var bodyTask = bodyBytes > 0 && BodyPrefix.Worthwhile(request)
            ? BodyPrefix.ReadAsync(request, bodyBytes)
            : null;
        ContentScore? contentScore = null;
        Task<ContentScore?>? contentTask = null;
        if (scoreContent)
        {
            if (bodyTask is null || bodyTask.IsCompletedSuccessfully)
            {
                var scoring = ScoreContent(context, bodyTask is null ? BodyPrefix.Empty : bodyTask.Result);
                if (scoring.IsCompletedSuccessfully)
                {
                    contentScore = scoring.Result;
                }
                else
                {
                    contentTask = AsNullable(scoring);
                }
            }
            else
            {
                contentTask = ScoreContentAfterBodyAsync(context, bodyTask, deadline);
            }
        }
        signals.Login = loginProfile is null ? null : sources.Login!.Begin(loginProfile, signals);
        var loginTask = signals.Login is null
            ? null
            : sources.Login!.AssessAsync(signals.Login, bodyTask ?? Task.FromResult(BodyPrefix.Empty), request, policy);

        if ((featuresTask is { IsCompleted: false }) || (contentTask is { IsCompleted: false }) || (loginTask is { IsCompleted: false }))
        {
            await WaitUntilDeadline(featuresTask, contentTask, loginTask, deadline).ConfigureAwait(false);
        }
        signals.BodyLate = bodyTask is { IsCompleted: false };
        if (signals.BodyLate)
        {
            metrics.SignalTimeout("body");
        }
        // The prefix read owns the request body until it ends: it must finish before forwarding.
        var body = bodyTask is null ? BodyPrefix.Empty : await bodyTask.ConfigureAwait(false);
        if (!signals.BodyLate)
        {
            Profile.ProfileSignal.Apply(context, policy, body, ref signals);
        }

        signals.BehaviourState = Settle(featuresTask, ref features, "features");
        signals.Behaviour = features;
        signals.ContentState = !scoreContent
            ? SignalState.Skipped
            : contentTask is null
                ? ContentState(contentScore, ref signals.ContentProbability)
                : SettleContent(contentTask, ref signals.ContentProbability);
        signals.LoginState = loginTask is null ? SignalState.Skipped : sources.Login!.Settle(loginTask);

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
    private async Task<ContentScore?> ScoreContentAfterBodyAsync(HttpContext context, Task<BodyPrefix> bodyTask, long deadline)
    {
        var body = await bodyTask.ConfigureAwait(false);
        if (time.GetTimestamp() >= deadline)
        {
            return null;
        }
        return await ScoreContent(context, body).ConfigureAwait(false);
    }

    private static async Task<ContentScore?> AsNullable(ValueTask<ContentScore> pending) => await pending.ConfigureAwait(false);

    /// <summary>
    /// Answers from the score cache, or extracts and hands to the scorer; completed on return when
    /// the cache answered or the scorer ran it on this thread.
    /// </summary>
    private ValueTask<ContentScore> ScoreContent(HttpContext context, BodyPrefix body)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = request.PathBase.Value + request.Path.Value + request.QueryString.Value;
        }
        var content = new RequestContent(request.Method, target, body.Memory, request.ContentType);
        var cache = sources.ScoreCache;
        var hash = 0;
        if (cache is not null && cache.TryGet(content, out hash, out var remembered))
        {
            return new ValueTask<ContentScore>(new ContentScore(ContentScoreStatus.Scored, remembered));
        }
        var count = sources.Extractor.FeatureCount;
        var buffer = ArrayPool<float>.Shared.Rent(count);
        ValueTask<ContentScore> scoring;
        try
        {
            var vector = buffer.AsSpan(0, count);
            // Where a cache miss's time goes, when someone listens (docs/performance.md: both stages
            // run several times slower in the running process than in a benchmark loop).
            var timed = metrics.ContentStagesObserved;
            var started = timed ? time.GetTimestamp() : 0;
            sources.Extractor.Extract(content, vector);
            var extracted = timed ? time.GetTimestamp() : 0;
            scoring = sources.Scorer!.ScoreAsync(vector, CancellationToken.None);
            if (timed)
            {
                RecordContentStages(started, extracted, scoring.IsCompletedSuccessfully);
            }
        }
        finally
        {
            // The scorer copies the vector before ScoreAsync returns.
            ArrayPool<float>.Shared.Return(buffer);
        }
        if (cache is null || !ContentScoreCache.IsCacheable(content))
        {
            return scoring;
        }
        if (!scoring.IsCompletedSuccessfully)
        {
            // A queued score can come back after the request ended and its pooled body prefix went
            // back to the pool, so only contents without a body are remembered from this path.
            return content.Body.IsEmpty ? RememberWhenScored(scoring, cache, content, hash) : scoring;
        }
        var score = scoring.Result;
        if (score.Status == ContentScoreStatus.Scored)
        {
            cache.Offer(content, hash, score.Probability);
        }
        return new ValueTask<ContentScore>(score);
    }

    private void RecordContentStages(long started, long extracted, bool ranInline)
    {
        metrics.ContentStage("extraction", time.GetElapsedTime(started, extracted));
        if (ranInline)
        {
            metrics.ContentStage("model", time.GetElapsedTime(extracted));
        }
    }

    /// <summary>A queued score of a content without a body, offered to the cache when it comes back.</summary>
    private static async ValueTask<ContentScore> RememberWhenScored(
        ValueTask<ContentScore> scoring, ContentScoreCache cache, RequestContent content, int hash)
    {
        var score = await scoring.ConfigureAwait(false);
        if (score.Status == ContentScoreStatus.Scored)
        {
            cache.Offer(content, hash, score.Probability);
        }
        return score;
    }

    /// <summary>Waits for the pending signals, but not past the deadline (timestamp); no token, no CTS.</summary>
    private async Task WaitUntilDeadline(Task? features, Task? content, Task? login, long deadline)
    {
        var remaining = time.GetElapsedTime(time.GetTimestamp(), deadline);
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            var all = (features, content) switch
            {
                (not null, not null) => Task.WhenAll(features, content),
                (not null, null) => features,
                _ => content,
            };
            all = (all, login) switch
            {
                (not null, not null) => Task.WhenAll(all, login),
                (null, _) => login!,
                _ => all,
            };
            await all.WaitAsync(remaining, time).ConfigureAwait(false);
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
        return ContentState(pending.Result, ref probability);
    }

    /// <param name="result">Null: the body came too late to score.</param>
    private static SignalState ContentState(ContentScore? result, ref float probability)
    {
        if (result is not { } score)
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
