namespace Gateway.Scoring.Login;

/// <summary>One login attempt as its profile's site-wide counts learn it.</summary>
/// <param name="Username">The username's hash member when the attempt failed (counted as distinct); 0 otherwise.</param>
/// <param name="LearnBaseline">False while the profile is under attack: the baseline keeps describing normal traffic.</param>
public readonly record struct LoginSiteObservation(LoginOutcome Outcome, ulong Username, bool LearnBaseline);
