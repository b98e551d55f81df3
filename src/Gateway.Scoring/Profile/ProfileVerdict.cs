namespace Gateway.Scoring.Profile;

/// <summary>How far a request strays from what the application was seen to receive: the strongest
/// finding's risk and reason, or <see cref="None"/> (also when the request is outside the profile).</summary>
/// <param name="Vouched">The profile had an opinion on every part of the request the content model reads
/// (a known path and method, every field known and trusted, a body it can split into fields) and found
/// nothing: the request looks exactly like the application's own traffic.</param>
internal readonly record struct ProfileVerdict(float Risk, string? Reason, bool Vouched = false)
{
    public static ProfileVerdict None => default;

    public ProfileVerdict Max(float risk, string reason) => risk > Risk ? new ProfileVerdict(risk, reason) : this;
}
