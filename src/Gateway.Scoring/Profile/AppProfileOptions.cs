namespace Gateway.Scoring.Profile;

/// <summary>One application profile under <c>Protection:Profiles:NAME</c>; a policy uses it with <c>Profile: NAME</c>.</summary>
public sealed class AppProfileOptions
{
    /// <summary>Largest accepted <see cref="ConformingContentDiscount"/>: at 10 only a content verdict within about
    /// 3e-6 of certainty still reaches the default content block point (0.95), and within 5e-8 a block point of
    /// 0.999, which float32 scores barely resolve; beyond it a vouched request could no longer be blocked on content at all.</summary>
    public const double MaxConformingContentDiscount = 10;

    /// <summary>The profile file (<c>app-profile-v1</c> JSON, written by <c>tools/Gateway.FeatureExport --learn-profile</c>),
    /// relative to the content root or absolute. Required.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// Log-odds taken off the content model's probability when the profile vouches for a request: a known
    /// path and method, every field known, trusted and inside the shapes it was seen to hold. The content
    /// model knows attacks on any site; the profile knows this site, so when it says "exactly what this
    /// form always receives" (an address with an apostrophe, a generated password with a <c>*</c>) the
    /// content evidence counts for less. Default 2 (a likelihood ratio of about 7): 0.97 becomes 0.81 and
    /// 0.9999 becomes 0.9993, far over the default policy's content block point (0.95), so a strong payload
    /// is still blocked. On CSIC's validation split the ranking improves steeply up to 2 and only marginally
    /// beyond (<c>docs/evaluation/report.md</c>), while every log-odds taken off weakens the content model on
    /// fields the profile accepts broadly (free text), so the default stays at 2.
    /// 0 turns it off; at most <see cref="MaxConformingContentDiscount"/>.
    /// </summary>
    public double ConformingContentDiscount { get; set; } = 2;
}
