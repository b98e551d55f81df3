namespace Gateway.Scoring.Profile;

/// <summary>One application profile under <c>Protection:Profiles:NAME</c>; a policy uses it with <c>Profile: NAME</c>.</summary>
public sealed class AppProfileOptions
{
    /// <summary>The profile file (<c>app-profile-v1</c> JSON, written by <c>tools/Gateway.FeatureExport --learn-profile</c>),
    /// relative to the content root or absolute. Required.</summary>
    public string Path { get; set; } = string.Empty;
}
