using System.Net;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Features;
using Gateway.Scoring.Login;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Signals;
using Gateway.Scoring.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Model;

namespace Gateway.Scoring.Pipeline;

/// <summary>
/// Runs inside YARP's proxy pipeline (so the route, and through its metadata the policy, is known):
/// scores the request, answers a challenge or block itself, or forwards and learns from the
/// upstream's answer. Its own faults never become a 5xx: they fail open (or closed, per policy).
/// </summary>
internal sealed partial class ProtectionMiddleware(
    RequestDelegate next,
    ProtectionRuntime runtime,
    ProtectionMetrics metrics,
    TimeProvider time,
    ILogger<ProtectionMiddleware> logger)
{
    /// <summary>Decision log lines per second at most; the rest are counted and mentioned in the next line.</summary>
    internal const int DecisionLogsPerSecond = 20;

    private readonly LogRateLimiter _decisionLogs = new(DecisionLogsPerSecond, time);

    public Task Invoke(HttpContext context) => runtime.Enabled ? InvokeCoreAsync(context) : next(context);

    /// <summary>
    /// Synchronous up to the answer or the forwarding whenever the evaluation completes at once (the
    /// in-process store, an inline model run, no body to wait for): then the only state kept while the
    /// upstream answers is <see cref="ForwardAsync"/>'s few references, not the evaluation's ~300 bytes
    /// of signals and decision (an async method keeps its awaiters and locals in one heap box).
    /// </summary>
    private Task InvokeCoreAsync(HttpContext context)
    {
        var start = time.GetTimestamp();
        var route = context.GetRouteModel()?.Config;
        var policy = runtime.Policies.Resolve(route?.Metadata);
        var routeId = route?.RouteId ?? "unknown";

        ValueTask<Evaluation> evaluating;
        try
        {
            evaluating = runtime.Evaluator.EvaluateAsync(context, policy, start);
        }
        catch (Exception ex) when (IsOwnFault(ex, context))
        {
            Log.PipelineFailed(logger, routeId, ex);
            evaluating = new ValueTask<Evaluation>(FaultedEvaluation(policy));
        }
        return evaluating.IsCompletedSuccessfully
            ? Decide(context, policy, routeId, start, evaluating.Result)
            : DecideWhenEvaluatedAsync(context, policy, routeId, start, evaluating);
    }

    private async Task DecideWhenEvaluatedAsync(HttpContext context, CompiledPolicy policy, string routeId, long start, ValueTask<Evaluation> evaluating)
    {
        Evaluation evaluation;
        try
        {
            evaluation = await evaluating.ConfigureAwait(false);
        }
        catch (Exception ex) when (IsOwnFault(ex, context))
        {
            Log.PipelineFailed(logger, routeId, ex);
            evaluation = FaultedEvaluation(policy);
        }
        await Decide(context, policy, routeId, start, evaluation).ConfigureAwait(false);
    }

    /// <summary>A malformed request is Kestrel's to answer, and an aborted one needs no answer.</summary>
    private static bool IsOwnFault(Exception ex, HttpContext context) =>
        ex is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested;

    private Task Decide(HttpContext context, CompiledPolicy policy, string routeId, long start, in Evaluation evaluation)
    {
        // A challenge is waived for a client holding a valid clearance cookie (blocks still block).
        var decision = runtime.Challenge.ApplyClearance(context, evaluation.Decision, evaluation.Signals.ClientIp);
        var decisionTime = time.GetElapsedTime(start);
        Record(decision, evaluation.Signals, routeId, decisionTime);
        if (runtime.DecisionHeader)
        {
            context.Response.Headers[DecisionHeader.Name] = DecisionHeader.Format(decision);
            context.Response.Headers[ServerTimingHeader.Name] = ServerTimingHeader.Format(decisionTime);
        }
        if (decision.EffectiveAction != DecisionAction.Pass)
        {
            runtime.Sources.Login?.Learn(evaluation.Signals.Login, response: null);
            return RespondAsync(context, decision, policy, evaluation.Signals.ClientIp, evaluation.Body);
        }
        runtime.Sources.Login?.Forwarding(evaluation.Signals.Login, context);
        return ForwardAsync(context, evaluation.Key, evaluation.Signals.Login, evaluation.Body);
    }

    private async Task RespondAsync(HttpContext context, ProtectionDecision decision, CompiledPolicy policy, IPAddress? clientIp, BodyPrefix body)
    {
        using (body)
        {
            await DecisionResponder.WriteAsync(context, decision, policy, runtime.Challenge, clientIp).ConfigureAwait(false);
        }
    }

    /// <summary>Forwards, then learns from the upstream's answer; the body prefix lives until the request ends.</summary>
    private async Task ForwardAsync(HttpContext context, BehaviourKey key, LoginAttempt? login, BodyPrefix body)
    {
        using (body)
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                if (key.ClientIp is not null)
                {
                    runtime.Sources.Store.RecordResponse(key, context.Response.StatusCode);
                }
                runtime.Sources.Login?.Learn(login, context.Response);
            }
        }
    }

    /// <summary>The pipeline's own fault: pass (fail-open) or, under a fail-closed policy, block.</summary>
    private Evaluation FaultedEvaluation(CompiledPolicy policy)
    {
        metrics.FailOpen("pipeline.error");
        var reasons = new ReasonList();
        reasons.Add(Reasons.PipelineError);
        var action = policy.FailsClosed ? DecisionAction.Block : DecisionAction.Pass;
        var decision = new ProtectionDecision(action, !policy.IsMonitor, 0, reasons, Reasons.PipelineError);
        return new Evaluation(decision, default, default, BodyPrefix.Empty);
    }

    private void Record(in ProtectionDecision decision, in RequestSignals signals, string routeId, TimeSpan decisionTime)
    {
        var action = ProtectionDecision.ActionName(decision.Action);
        metrics.Decision(action, decision.PrimaryReason, routeId);
        metrics.ScoringDuration(decisionTime, action);
        if (decision.EffectiveAction == DecisionAction.Pass)
        {
            CountFailOpen(signals);
        }
        if (decision.Action != DecisionAction.Pass && logger.IsEnabled(LogLevel.Information)
            && _decisionLogs.TryAcquire(out var suppressed))
        {
            var ip = signals.ClientIp?.ToString() ?? "unknown";
            if (suppressed > 0)
            {
                Log.Suppressed(logger, suppressed, DecisionLogsPerSecond);
            }
            if (decision.Enforced)
            {
                Log.Decided(logger, action, decision.Score, decision.Reasons.ToString(), routeId, ip);
            }
            else
            {
                Log.Monitored(logger, action, decision.Score, decision.Reasons.ToString(), routeId, ip);
            }
        }
    }

    private void CountFailOpen(in RequestSignals signals)
    {
        switch (signals.BehaviourState)
        {
            case SignalState.Late: metrics.FailOpen("features.late"); break;
            case SignalState.Unavailable: metrics.FailOpen("features.unavailable"); break;
        }
        switch (signals.ContentState)
        {
            case SignalState.Late: metrics.FailOpen("content.late"); break;
            case SignalState.Shed: metrics.FailOpen("content.shed"); break;
            case SignalState.Unavailable: metrics.FailOpen("content.failed"); break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Protection {Action} (score {Score:0.###}, reasons {Reasons}) on route {Route} for {ClientIp}")]
        public static partial void Decided(ILogger logger, string action, double score, string reasons, string route, string clientIp);

        [LoggerMessage(2, LogLevel.Information, "Monitor mode: would {Action} (score {Score:0.###}, reasons {Reasons}) on route {Route} for {ClientIp}")]
        public static partial void Monitored(ILogger logger, string action, double score, string reasons, string route, string clientIp);

        [LoggerMessage(4, LogLevel.Information, "{Suppressed} decision log lines were dropped (at most {PerSecond} per second are written; metrics count every decision)")]
        public static partial void Suppressed(ILogger logger, long suppressed, int perSecond);

        [LoggerMessage(3, LogLevel.Error, "Protection pipeline failed on route {Route}; the request fails open (or closed, per policy)")]
        public static partial void PipelineFailed(ILogger logger, string route, Exception exception);
    }
}
