using System.Runtime.CompilerServices;
using Gateway.Scoring.Login;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Signals;

namespace Gateway.Scoring.Decision;

/// <summary>
/// Combines the signals into one risk with a noisy-OR: risk = 1 − Π(1 − cᵢ), each cᵢ in [0,1].
/// It is monotone (a new suspicious signal never lowers risk), bounded, and each contribution
/// reads on its own ("reputation alone gives 0.9"), which keeps reasons explainable.
/// </summary>
internal static class RiskCombiner
{
    /// <summary>Contributions below this do not appear as reasons (the model's background noise).</summary>
    public const double ReasonFloor = 0.1;

    /// <summary>Just over a limit is enough to challenge; twice the limit is enough to block.</summary>
    private const double OverLimitBase = 0.6;

    public static ProtectionDecision Decide(in RequestSignals signals, CompiledPolicy policy)
    {
        var options = policy.Options;
        var contributions = new Contributions();

        if (signals.ContentState == SignalState.Ready)
        {
            var probability = ContentRisk.Discounted(signals.ContentProbability, signals.ContentDiscount);
            contributions.Add(ContentRisk.Contribution(probability, options) * options.ContentWeight, Reasons.Content);
        }
        if (signals.ProfileReason is not null)
        {
            contributions.Add(signals.ProfileRisk * options.ProfileWeight, signals.ProfileReason);
        }
        if (signals.Reputation.IsListed && signals.ReputationReason is not null)
        {
            contributions.Add(signals.Reputation.Weight * options.ReputationWeight, signals.ReputationReason);
        }
        AddGeo(signals, policy, ref contributions);
        if (signals.BehaviourState == SignalState.Ready)
        {
            AddBehaviour(signals.Behaviour, options, ref contributions);
        }
        if (signals.LoginState == SignalState.Ready && signals.Login is { } login)
        {
            AddLogin(login, ref contributions);
        }

        var risk = contributions.NoisyOr();
        var degraded = AddDegradations(signals, ref contributions);
        var action = risk >= options.BlockThreshold ? DecisionAction.Block
            : risk >= options.ChallengeThreshold ? DecisionAction.Challenge
            : DecisionAction.Pass;
        if (degraded && policy.FailsClosed)
        {
            action = DecisionAction.Block;
            contributions.AddDegradation(Reasons.FailedClosed);
        }
        return new ProtectionDecision(action, !policy.IsMonitor, risk, contributions.ToReasons(), contributions.Primary);
    }

    private static void AddGeo(in RequestSignals signals, CompiledPolicy policy, ref Contributions contributions)
    {
        var country = signals.Geo.CountryCode;
        if (country is not null)
        {
            if (policy.BlockedCountries.Contains(country))
            {
                contributions.Add(1.0, Reasons.BlockedCountry);
            }
            else if (policy.RiskyCountries.Contains(country))
            {
                contributions.Add(policy.Options.GeoRisk, Reasons.RiskyCountry);
            }
        }
        if (signals.Geo.Asn != 0 && policy.RiskyAsns.Contains(signals.Geo.Asn))
        {
            contributions.Add(policy.Options.GeoRisk, Reasons.RiskyAsn);
        }
    }

    private static void AddBehaviour(in Features.BehaviourFeatures f, PolicyOptions o, ref Contributions contributions)
    {
        contributions.Add(OverLimit(f.Requests10s, o.RequestsPer10Seconds), Reasons.Rate10s);
        contributions.Add(OverLimit(f.Requests1m, o.RequestsPerMinute), Reasons.Rate1m);
        contributions.Add(OverLimit(f.Requests10m, o.RequestsPer10Minutes), Reasons.Rate10m);
        contributions.Add(OverLimit(f.DistinctPaths10m, o.DistinctPathsPer10Minutes), Reasons.DistinctPaths);
        if (f.Responses10m >= o.ClientErrorMinimumResponses && f.ClientErrorRatio > o.ClientErrorRatio)
        {
            // Scales from 0.3 at the ratio limit to 0.6 when every answer is a 4xx: suspicious, not damning alone.
            var excess = (f.ClientErrorRatio - o.ClientErrorRatio) / Math.Max(1e-9, 1 - o.ClientErrorRatio);
            contributions.Add(0.3 + 0.3 * excess, Reasons.ClientErrors);
        }
    }

    /// <summary>Login defence (login routes only); see <c>Login/LoginDetector</c>.</summary>
    private static void AddLogin(LoginAttempt login, ref Contributions contributions)
    {
        contributions.Add(login.Stuffing, LoginReasons.Stuffing);
        contributions.Add(login.Spraying, LoginReasons.Spraying);
        contributions.Add(login.BruteForce, LoginReasons.BruteForce);
        contributions.Add(login.NewLocation, LoginReasons.NewLocation);
        contributions.Add(login.Cracked, LoginReasons.Cracked);
        contributions.Add(login.Hosting, LoginReasons.Hosting);
        contributions.Add(login.Surge, LoginReasons.Surge);
    }

    /// <summary>0 up to the limit; <see cref="OverLimitBase"/> just above it; 1 at twice the limit.</summary>
    private static double OverLimit(int count, int limit)
    {
        if (count <= limit)
        {
            return 0;
        }
        var excess = (double)(count - limit) / limit;
        return Math.Min(1.0, OverLimitBase + (1 - OverLimitBase) * excess);
    }

    private static bool AddDegradations(in RequestSignals signals, ref Contributions contributions)
    {
        var degraded = false;
        switch (signals.BehaviourState)
        {
            case SignalState.Late: contributions.AddDegradation(Reasons.FeaturesLate); degraded = true; break;
            case SignalState.Unavailable: contributions.AddDegradation(Reasons.FeaturesDown); degraded = true; break;
        }
        switch (signals.ContentState)
        {
            case SignalState.Late: contributions.AddDegradation(Reasons.ContentLate); degraded = true; break;
            case SignalState.Shed: contributions.AddDegradation(Reasons.ContentShed); degraded = true; break;
            case SignalState.Unavailable: contributions.AddDegradation(Reasons.ContentFailed); degraded = true; break;
        }
        switch (signals.LoginState)
        {
            case SignalState.Late: contributions.AddDegradation(LoginReasons.Late); degraded = true; break;
            case SignalState.Unavailable: contributions.AddDegradation(LoginReasons.Down); degraded = true; break;
        }
        if (signals.BodyLate)
        {
            contributions.AddDegradation(Reasons.BodyLate);
            degraded = true;
        }
        return degraded;
    }

    /// <summary>Contributions kept inline and sorted by strength as they arrive.</summary>
    private struct Contributions
    {
        private const int Capacity = 12;
        private EntryBuffer _entries;
        private int _count;
        private ReasonList _degradations;

        public readonly string Primary => _count > 0 && _entries[0].Value >= ReasonFloor ? _entries[0].Reason : Reasons.None;

        public void Add(double value, string reason)
        {
            if (value <= 0 || _count == Capacity)
            {
                return;
            }
            value = Math.Min(1.0, value);
            var i = _count++;
            while (i > 0 && _entries[i - 1].Value < value)
            {
                _entries[i] = _entries[i - 1];
                i--;
            }
            _entries[i] = new Entry(value, reason);
        }

        public void AddDegradation(string reason) => _degradations.Add(reason);

        public readonly double NoisyOr()
        {
            var keep = 1.0;
            for (var i = 0; i < _count; i++)
            {
                keep *= 1 - _entries[i].Value;
            }
            return 1 - keep;
        }

        public readonly ReasonList ToReasons()
        {
            var reasons = new ReasonList();
            for (var i = 0; i < _count && _entries[i].Value >= ReasonFloor; i++)
            {
                reasons.Add(_entries[i].Reason);
            }
            for (var i = 0; i < _degradations.Count; i++)
            {
                reasons.Add(_degradations[i]);
            }
            return reasons;
        }

        private readonly record struct Entry(double Value, string Reason);

        [InlineArray(Capacity)]
        private struct EntryBuffer
        {
            private Entry _element0;
        }
    }
}
