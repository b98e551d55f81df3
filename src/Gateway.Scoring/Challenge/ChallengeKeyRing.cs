namespace Gateway.Scoring.Challenge;

/// <summary>
/// The key that signs, and the one before it, which is still accepted: a replica that starts while
/// Redis is unreachable signs with a local key, then adopts the shared one without refusing the
/// tokens and cookies it already handed out.
/// </summary>
internal sealed class ChallengeKeyRing
{
    private volatile State _state;

    public ChallengeKeyRing(ChallengeKeys initial) => _state = new State(initial, null);

    public ChallengeKeys Current => _state.Current;

    /// <summary>The previous key, accepted for verification only; null when there is none.</summary>
    public ChallengeKeys? Previous => _state.Previous;

    public ChallengeKeySource Source => _state.Current.Source;

    /// <summary>Signs with <paramref name="keys"/> from now on; the current key stays accepted.</summary>
    public void Adopt(ChallengeKeys keys)
    {
        var state = _state;
        _state = new State(keys, state.Current);
    }

    private sealed record State(ChallengeKeys Current, ChallengeKeys? Previous);
}
