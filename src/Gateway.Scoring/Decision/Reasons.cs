namespace Gateway.Scoring.Decision;

/// <summary>Every reason string the pipeline emits, allocated once. Reputation reasons come from
/// the list names (<c>reputation:NAME</c>).</summary>
public static class Reasons
{
    public const string None = "none";
    public const string Content = "content";
    public const string Rate10s = "rate:10s";
    public const string Rate1m = "rate:1m";
    public const string Rate10m = "rate:10m";
    public const string DistinctPaths = "paths:10m";
    public const string ClientErrors = "errors:4xx";
    public const string BlockedCountry = "geo:blocked-country";
    public const string RiskyCountry = "geo:risky-country";
    public const string RiskyAsn = "geo:risky-asn";

    public const string FeaturesLate = "late:features";
    public const string FeaturesDown = "down:features";
    public const string ContentLate = "late:content";
    public const string ContentShed = "shed:content";
    public const string ContentFailed = "failed:content";
    public const string BodyLate = "late:body";
    public const string FailedClosed = "failclosed";
    public const string PipelineError = "error:pipeline";

    /// <summary>A challenge was waived: the client holds a valid clearance cookie.</summary>
    public const string Clearance = "clearance";
}
