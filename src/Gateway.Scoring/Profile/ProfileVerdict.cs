namespace Gateway.Scoring.Profile;

/// <summary>How far a request strays from what the application was seen to receive: the strongest
/// finding's risk and reason, or <see cref="None"/> (also when the request is outside the profile).</summary>
internal readonly record struct ProfileVerdict(float Risk, string? Reason)
{
    public static ProfileVerdict None => default;

    public ProfileVerdict Max(float risk, string reason) => risk > Risk ? new ProfileVerdict(risk, reason) : this;
}
