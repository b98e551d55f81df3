namespace Gateway.LoadTests.LoginSim;

/// <summary>Counts of one actor's attempts by result; "after first 20" counts a campaign's attempts from its 21st on.</summary>
internal sealed class ActorTally(ActorKind actor)
{
    /// <summary>Attackers get this many attempts before the target says they must all be stopped.</summary>
    public const int GraceAttempts = 20;

    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Attempts, int Challenged, int Blocked)> _settings = new(StringComparer.Ordinal);

    public ActorKind Actor { get; } = actor;
    public int Attempts { get; private set; }
    public int Succeeded { get; private set; }
    public int Failed { get; private set; }
    public int Challenged { get; private set; }
    public int Blocked { get; private set; }
    public int Errors { get; private set; }
    public int AttemptsAfterGrace { get; private set; }
    public int StoppedAfterGrace { get; private set; }

    /// <summary>Attempts that carried a device cookie, and how many of those were stopped.</summary>
    public int WithDeviceCookie { get; private set; }
    public int StoppedWithDeviceCookie { get; private set; }

    /// <summary>The same from a campaign's 21st attempt on (before that, attackers may pass with or without one).</summary>
    public int WithDeviceCookieAfterGrace { get; private set; }
    public int StoppedWithDeviceCookieAfterGrace { get; private set; }

    public int Stopped => Challenged + Blocked;

    public double StoppedShare => Share(Stopped, Attempts);
    public double StoppedAfterGraceShare => Share(StoppedAfterGrace, AttemptsAfterGrace);
    public double ChallengedShare => Share(Challenged, Attempts);
    public double BlockedShare => Share(Blocked, Attempts);

    /// <summary>Strongest reasons of stopped attempts, most frequent first.</summary>
    public IEnumerable<KeyValuePair<string, int>> Reasons => _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal);

    /// <summary>Legitimate users per setting (household, mobile, …): attempts, challenged, blocked.</summary>
    public IEnumerable<KeyValuePair<string, (int Attempts, int Challenged, int Blocked)>> Settings =>
        _settings.OrderBy(s => s.Key, StringComparer.Ordinal);

    public void Add(LoginEvent attempt, AttemptResult result, string? reason, bool sentDeviceCookie = false)
    {
        Attempts++;
        var afterGrace = attempt.Index >= GraceAttempts;
        if (afterGrace)
        {
            AttemptsAfterGrace++;
        }
        switch (result)
        {
            case AttemptResult.Succeeded: Succeeded++; break;
            case AttemptResult.Failed: Failed++; break;
            case AttemptResult.Challenged: Challenged++; break;
            case AttemptResult.Blocked: Blocked++; break;
            default: Errors++; break;
        }
        var stopped = result is AttemptResult.Challenged or AttemptResult.Blocked;
        if (stopped && afterGrace)
        {
            StoppedAfterGrace++;
        }
        if (sentDeviceCookie)
        {
            WithDeviceCookie++;
            StoppedWithDeviceCookie += stopped ? 1 : 0;
            WithDeviceCookieAfterGrace += afterGrace ? 1 : 0;
            StoppedWithDeviceCookieAfterGrace += afterGrace && stopped ? 1 : 0;
        }
        if (stopped)
        {
            var key = string.IsNullOrEmpty(reason) ? "(none)" : reason;
            _reasons[key] = _reasons.GetValueOrDefault(key) + 1;
        }
        if (attempt.Setting.Length > 0)
        {
            var (a, c, b) = _settings.GetValueOrDefault(attempt.Setting);
            _settings[attempt.Setting] = (a + 1, c + (result == AttemptResult.Challenged ? 1 : 0), b + (result == AttemptResult.Blocked ? 1 : 0));
        }
    }

    public static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
