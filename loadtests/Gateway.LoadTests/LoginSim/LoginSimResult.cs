namespace Gateway.LoadTests.LoginSim;

/// <summary>Everything a simulation measured, and the targets it is judged by.</summary>
internal sealed class LoginSimResult
{
    /// <summary>Share of stuffing attempts after a campaign's first 20 that must be stopped.</summary>
    public const double StuffingTarget = 0.99;

    /// <summary>Most legitimate logins that may be challenged; none may be blocked.</summary>
    public const double LegitimateChallengeLimit = 0.005;

    private readonly Dictionary<ActorKind, ActorTally> _tallies = [];

    public LoginSimResult()
    {
        foreach (var actor in Enum.GetValues<ActorKind>())
        {
            _tallies[actor] = new ActorTally(actor);
        }
    }

    public IReadOnlyCollection<ActorTally> Tallies => _tallies.Values;

    public ActorTally this[ActorKind actor] => _tallies[actor];

    public TimeSpan Elapsed { get; set; }

    /// <param name="sentDeviceCookie">The attempt carried a device cookie (its own, or a stolen one).</param>
    public void Add(LoginEvent attempt, AttemptResult result, string? reason, bool sentDeviceCookie = false) =>
        _tallies[attempt.Actor].Add(attempt, result, reason, sentDeviceCookie);

    /// <summary>Both stuffing campaigns: through hosting proxies and through residential ones (one that never got past its first 20 has nothing to miss).</summary>
    public bool StuffingTargetMet => Met(this[ActorKind.Stuffing]) && Met(this[ActorKind.ResidentialStuffing]);

    private static bool Met(ActorTally campaign) =>
        campaign.AttemptsAfterGrace == 0 || campaign.StoppedAfterGraceShare >= StuffingTarget;

    public bool LegitimateTargetMet =>
        this[ActorKind.Legitimate].ChallengedShare <= LegitimateChallengeLimit && this[ActorKind.Legitimate].Blocked == 0;

    /// <summary>Attempts that errored (not a decision): the run is not valid evidence when there are any.</summary>
    public int Errors => _tallies.Values.Sum(t => t.Errors);
}
