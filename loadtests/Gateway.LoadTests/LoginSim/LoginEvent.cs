using System.Net;

namespace Gateway.LoadTests.LoginSim;

/// <summary>One simulated login attempt.</summary>
/// <param name="At">When, as a fraction [0, 1) of the simulated span.</param>
/// <param name="Index">Position within its actor's campaign (attackers) or 0 (users).</param>
/// <param name="Json">POST /api/login with JSON instead of the /login form.</param>
/// <param name="Setting">Legitimate users only: household, mobile, office, vpn or travel.</param>
/// <param name="Device">The browser or app it comes from: users keep the gateway's device cookie per
/// device and send it back on later logins; an attacker naming one replays a cookie stolen from it.
/// Empty: no cookie.</param>
internal sealed record LoginEvent(
    double At, ActorKind Actor, int Index, IPAddress Client, string Username, string Password, bool Json, string Setting = "", string Device = "")
{
    /// <summary>Legitimate users (and their history) keep the cookies they are given; attackers never do.</summary>
    public bool KeepsCookies => Actor is ActorKind.Legitimate or ActorKind.History;
}
