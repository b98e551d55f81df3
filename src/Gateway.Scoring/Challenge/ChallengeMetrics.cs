using System.Diagnostics.Metrics;

namespace Gateway.Scoring.Challenge;

/// <summary>The challenge's instruments, on the gateway's meter (<c>Gateway.Protection</c>).</summary>
internal sealed class ChallengeMetrics
{
    private readonly Counter<long> _issued;
    private readonly Counter<long> _solved;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _clearance;
    private readonly Counter<long> _replayFallback;

    public ChallengeMetrics(Meter meter)
    {
        _issued = meter.CreateCounter<long>(
            "protection.challenge.issued", "{challenge}", "Proof-of-work challenges handed to browsers, by difficulty in bits.");
        _solved = meter.CreateCounter<long>(
            "protection.challenge.solved", "{challenge}", "Challenges solved and redeemed for a clearance cookie.");
        _failed = meter.CreateCounter<long>(
            "protection.challenge.failed", "{challenge}",
            "Redemptions refused, by reason: malformed, bad_signature, expired, replay, wrong_binding, insufficient_work.");
        _clearance = meter.CreateCounter<long>(
            "protection.challenge.clearance", "{request}",
            "Clearance cookies presented on a request that would be challenged: accepted, or rejected with a reason.");
        _replayFallback = meter.CreateCounter<long>(
            "protection.challenge.replay_fallback", "{event}",
            "Single-use checks done in process because Redis was unavailable (other replicas cannot see them), or skipped because the set was full.");
    }

    public void Issued(int difficultyBits)
    {
        if (_issued.Enabled)
        {
            _issued.Add(1, new KeyValuePair<string, object?>("difficulty", difficultyBits));
        }
    }

    public void Solved()
    {
        if (_solved.Enabled)
        {
            _solved.Add(1);
        }
    }

    public void Failed(ChallengeFailure reason)
    {
        if (_failed.Enabled)
        {
            _failed.Add(1, new KeyValuePair<string, object?>("reason", ChallengeFailureNames.Name(reason)));
        }
    }

    public void ClearanceAccepted()
    {
        if (_clearance.Enabled)
        {
            _clearance.Add(1, new("result", "accepted"), new("reason", "none"));
        }
    }

    public void ClearanceRejected(ChallengeFailure reason)
    {
        if (_clearance.Enabled)
        {
            _clearance.Add(1, new("result", "rejected"), new("reason", ChallengeFailureNames.Name(reason)));
        }
    }

    /// <param name="cause"><c>redis</c> (unavailable) or <c>full</c> (in-process set at capacity).</param>
    public void ReplayFallback(string cause)
    {
        if (_replayFallback.Enabled)
        {
            _replayFallback.Add(1, new KeyValuePair<string, object?>("cause", cause));
        }
    }
}
