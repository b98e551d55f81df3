using Gateway.Scoring.Decision;
using Gateway.Scoring.Features;
using Gateway.Scoring.Signals;

namespace Gateway.Scoring.Pipeline;

/// <summary>A decision plus what the middleware needs after forwarding: the key to learn the
/// upstream's answer under, and the body prefix to release when the request ends.</summary>
internal readonly record struct Evaluation(ProtectionDecision Decision, BehaviourKey Key, RequestSignals Signals, BodyPrefix Body);
