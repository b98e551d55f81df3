namespace Gateway.Scoring.Challenge;

/// <summary>The result of redeeming a solved challenge.</summary>
/// <param name="Failure"><see cref="ChallengeFailure.None"/> on success.</param>
/// <param name="ReturnPath">Where to send the browser; null when the token itself is not to be trusted.</param>
/// <param name="Clearance">The clearance cookie's value on success.</param>
/// <param name="ClearanceExpires">When that cookie expires.</param>
internal readonly record struct Redemption(ChallengeFailure Failure, string? ReturnPath, string? Clearance, DateTimeOffset ClearanceExpires)
{
    public bool Succeeded => Failure == ChallengeFailure.None;
}
