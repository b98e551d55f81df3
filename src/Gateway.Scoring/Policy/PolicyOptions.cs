namespace Gateway.Scoring.Policy;

/// <summary>One named policy under <c>Protection:Policies:NAME</c>. Routes pick one through the YARP
/// route metadata key <c>ProtectionPolicy</c>.</summary>
public sealed class PolicyOptions
{
    /// <summary>Risk at or above which the client is challenged. Default 0.5.</summary>
    public double ChallengeThreshold { get; set; } = 0.5;

    /// <summary>Risk at or above which the request is blocked. Default 0.85.</summary>
    public double BlockThreshold { get; set; } = 0.85;

    /// <summary>Default <see cref="PolicyMode.Enforce"/>.</summary>
    public PolicyMode Mode { get; set; } = PolicyMode.Enforce;

    /// <summary>Default <see cref="FailureMode.Open"/>.</summary>
    public FailureMode FailureMode { get; set; } = FailureMode.Open;

    /// <summary>Time the slow signals (feature store, content model) may take before the decision
    /// is made without them. Default 20 ms.</summary>
    public double BudgetMilliseconds { get; set; } = 20;

    /// <summary>Whether the content model scores this route's requests. Default true.</summary>
    public bool ScoreContent { get; set; } = true;

    /// <summary>Largest body prefix read for content scoring; the body still reaches the upstream
    /// whole. Default 8192 bytes.</summary>
    public int MaxBodyBytes { get; set; } = 8192;

    /// <summary>
    /// Model probability at which the content alone challenges (its contribution reaches
    /// <see cref="ChallengeThreshold"/>). Chosen per policy by explicit cost on validation data
    /// (<c>training/evaluate.sh</c>, <c>docs/evaluation/report.md</c>). Default 0.5.
    /// </summary>
    public double ContentChallengeAt { get; set; } = 0.5;

    /// <summary>Model probability at which the content alone blocks (reaches <see cref="BlockThreshold"/>). Default 0.85.</summary>
    public double ContentBlockAt { get; set; } = 0.85;

    /// <summary>Multiplies the content contribution (after <see cref="ContentChallengeAt"/> and
    /// <see cref="ContentBlockAt"/> have placed it). Default 1.</summary>
    public double ContentWeight { get; set; } = 1.0;

    /// <summary>Name of the application profile (under <c>Protection:Profiles</c>) this policy's routes are
    /// checked against: a positive model of the application's own traffic. Default none.</summary>
    public string? Profile { get; set; }

    /// <summary>Multiplies the profile's finding (e.g. 0.9 for a parameter the application never received). Default 1.</summary>
    public double ProfileWeight { get; set; } = 1.0;

    /// <summary>Multiplies the weight of the strongest matching reputation list. Default 1.</summary>
    public double ReputationWeight { get; set; } = 1.0;

    /// <summary>ISO country codes that are blocked outright. Default none.</summary>
    public string[] BlockedCountries { get; set; } = [];

    /// <summary>ISO country codes whose clients carry <see cref="GeoRisk"/>. Default none.</summary>
    public string[] RiskyCountries { get; set; } = [];

    /// <summary>Autonomous systems (e.g. hosting providers) whose clients carry <see cref="GeoRisk"/>. Default none.</summary>
    public uint[] RiskyAsns { get; set; } = [];

    /// <summary>Risk added by a risky country or ASN. Default 0.3.</summary>
    public double GeoRisk { get; set; } = 0.3;

    /// <summary>Requests per client IP in 10 s above which it is challenged (twice this: blocked). Default 100.</summary>
    public int RequestsPer10Seconds { get; set; } = 100;

    /// <summary>Requests per client IP per minute. Default 400.</summary>
    public int RequestsPerMinute { get; set; } = 400;

    /// <summary>Requests per client IP in 10 minutes. Default 2000.</summary>
    public int RequestsPer10Minutes { get; set; } = 2000;

    /// <summary>Distinct paths per client IP in 10 minutes, a scanner's signature. Default 300.</summary>
    public int DistinctPathsPer10Minutes { get; set; } = 300;

    /// <summary>Share of upstream 4xx answers above which a client looks like a scanner or guesser. Default 0.6.</summary>
    public double ClientErrorRatio { get; set; } = 0.6;

    /// <summary>Responses needed before <see cref="ClientErrorRatio"/> is trusted. Default 20.</summary>
    public int ClientErrorMinimumResponses { get; set; } = 20;

    /// <summary>Seconds a challenged non-browser client is told to wait (Retry-After). Default 30.</summary>
    public int RetryAfterSeconds { get; set; } = 30;
}
