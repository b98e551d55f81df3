namespace Gateway.LoadTests.Stats;

/// <summary>
/// Why a gateway decided without a signal, from the fail-open reasons in
/// <c>X-Protection-Decision</c> (<c>late:features</c>, <c>down:features</c>, <c>late:content</c>,
/// <c>shed:content</c>, <c>failed:content</c>, <c>late:body</c>, <c>error:pipeline</c>). One
/// response may carry several.
/// </summary>
[Flags]
internal enum FailOpenCause
{
    None = 0,
    FeaturesLate = 1 << 0,
    FeaturesDown = 1 << 1,
    ContentLate = 1 << 2,
    ContentShed = 1 << 3,
    ContentFailed = 1 << 4,
    BodyLate = 1 << 5,
    PipelineError = 1 << 6,
}
