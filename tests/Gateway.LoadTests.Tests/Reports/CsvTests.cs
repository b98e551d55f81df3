using Gateway.LoadTests.Reports;

namespace Gateway.LoadTests.Tests.Reports;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void Field_QuotesOnlyWhatNeedsIt(string? value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Theory]
    [InlineData(1234.5678, "1234.568")]
    [InlineData(0.0004, "0")]
    [InlineData(2.0, "2")]
    [InlineData(-0.25, "-0.25")]
    public void Number_UsesInvariantCultureWithThreeDecimalsAtMost(double value, string expected) =>
        Assert.Equal(expected, Csv.Number(value));
}
