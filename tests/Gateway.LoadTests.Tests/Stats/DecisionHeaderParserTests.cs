using Gateway.LoadTests.Stats;

namespace Gateway.LoadTests.Tests.Stats;

public sealed class DecisionHeaderParserTests
{
    [Theory]
    [InlineData("pass; score=0.01; reasons=", "Pass")]
    [InlineData("challenge; score=0.6; reasons=behaviour:rate10s", "Challenge")]
    [InlineData("block; score=1; reasons=content", "Block")]
    [InlineData("block; score=0.9; reasons=content; mode=monitor", "Block")]
    [InlineData("  Pass ", "Pass")]
    [InlineData("allow; score=0", "Unrecognised")]
    [InlineData("", "Unrecognised")]
    [InlineData(null, "None")]
    public void Parse_ReadsTheActionBeforeTheFirstSemicolon(string? header, string expected) =>
        Assert.Equal(Enum.Parse<DecisionOutcome>(expected), DecisionHeaderParser.Parse(header));

    [Theory]
    [InlineData("pass; score=0.01; reasons=", 0)]
    [InlineData(null, 0)]
    [InlineData("pass; score=0.2; reasons=late:features", (int)(FailOpenCause.FeaturesLate))]
    [InlineData("pass; score=0.2; reasons=rate:10s,shed:content,down:features", (int)(FailOpenCause.ContentShed | FailOpenCause.FeaturesDown))]
    [InlineData("block; score=1; reasons=content,late:content,late:body; mode=monitor", (int)(FailOpenCause.ContentLate | FailOpenCause.BodyLate))]
    [InlineData("pass; score=0; reasons=error:pipeline,failed:content", (int)(FailOpenCause.PipelineError | FailOpenCause.ContentFailed))]
    [InlineData("pass; score=0; reasons=late:featuresx,content", 0)]
    public void ParseFailOpen_NamesEveryFailOpenReasonAndNothingElse(string? header, int expected) =>
        Assert.Equal((FailOpenCause)expected, DecisionHeaderParser.ParseFailOpen(header));

    [Theory]
    [InlineData("protection;dur=0.037", 37)]
    [InlineData("db;dur=5, protection;dur=12.5", 12_500)]
    [InlineData("protection;desc=\"x\";dur=1", 1_000)]
    [InlineData("Protection;DUR=2", 2_000)]
    [InlineData("protection", -1)]
    [InlineData("protection;dur=abc", -1)]
    [InlineData("protection;dur=-3", -1)]
    [InlineData("other;dur=4", -1)]
    [InlineData(null, -1)]
    public void ParseDecisionMicroseconds_ReadsTheProtectionMetricsDuration(string? serverTiming, long expected) =>
        Assert.Equal(expected, DecisionHeaderParser.ParseDecisionMicroseconds(serverTiming));
}
