using Gateway.Scoring.Challenge;
using Gateway.Scoring.ClientIp;
using Gateway.Scoring.Features;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Login;
using Gateway.Scoring.Model;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Reputation;

namespace Gateway.Scoring.Configuration;

/// <summary>The <c>Protection</c> configuration section.</summary>
public sealed class ProtectionOptions
{
    public const string SectionName = "Protection";

    /// <summary>False turns scoring off and leaves a bare YARP proxy in the same binary. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When true every response carries <c>X-Protection-Decision</c>. Default false.</summary>
    public bool DecisionHeader { get; set; }

    /// <summary>Policy for routes whose metadata names none. Default <c>default</c>.</summary>
    public string DefaultPolicy { get; set; } = "default";

    /// <summary>Named policies; routes choose one with the metadata key <c>ProtectionPolicy</c>.</summary>
    public Dictionary<string, PolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ClientIpOptions ClientIp { get; set; } = new();
    public ReputationOptions Reputation { get; set; } = new();
    public GeoOptions Geo { get; set; } = new();
    public FeatureStoreOptions Features { get; set; } = new();
    public ModelOptions Model { get; set; } = new();

    /// <summary>Application profiles by name (<c>Profile/</c>); a policy uses one with its <c>Profile</c> key. Default none.</summary>
    public Dictionary<string, Profile.AppProfileOptions> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public ChallengeOptions Challenge { get; set; } = new();
    public LoginOptions Login { get; set; } = new();
}
