using System.Net;
using Gateway.Scoring.Features;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Login;
using Gateway.Scoring.Reputation;

namespace Gateway.Scoring.Signals;

/// <summary>What every signal said about one request, including which ones did not arrive.</summary>
internal struct RequestSignals
{
    public IPAddress ClientIp;
    public ReputationMatch Reputation;
    public string? ReputationReason;
    public GeoInfo Geo;
    public BehaviourFeatures Behaviour;
    public SignalState BehaviourState;
    public float ContentProbability;
    public SignalState ContentState;
    /// <summary>The body prefix did not arrive in time, so content was scored on the target alone.</summary>
    public bool BodyLate;
    /// <summary>The application profile's finding (0 and null when it has none or the route has no profile).</summary>
    public float ProfileRisk;
    public string? ProfileReason;
    /// <summary>Log-odds taken off <see cref="ContentProbability"/> because the profile vouches for the request (0 otherwise).</summary>
    public float ContentDiscount;
    /// <summary>Login routes only: the attempt and its scores (usable when <see cref="LoginState"/> is Ready).</summary>
    public LoginAttempt? Login;
    public SignalState LoginState;
}
