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
}
