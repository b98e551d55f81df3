using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Degradation;

namespace Gateway.LoadTests.Tests.Degradation;

public sealed class DegradationOptionsTests
{
    [Fact]
    public void Outage_ByDefault_IsTheMiddleThirdOfTheMeasuredRun()
    {
        var errors = new List<string>();
        var args = Parse(errors, "redis-outage");

        var outage = OutageOptions.Bind(args, TimeSpan.FromSeconds(30), errors);

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromSeconds(10), outage.At);
        Assert.Equal(TimeSpan.FromSeconds(10), outage.For);
    }

    [Fact]
    public void Outage_EndingAfterTheRun_IsRefusedSoTheRecoveryIsMeasured()
    {
        var errors = new List<string>();
        var args = Parse(errors, "redis-outage", "--outage-at", "20", "--outage-for", "15");

        OutageOptions.Bind(args, TimeSpan.FromSeconds(30), errors);

        Assert.Contains(errors, e => e.Contains("must end within --duration"));
    }

    [Fact]
    public void Overload_WithoutARate_MeasuresSaturationFirst_WithOneDrivesThatRate()
    {
        var errors = new List<string>();

        var measured = OverloadOptions.Bind(Parse(errors, "overload"), errors);
        var given = OverloadOptions.Bind(Parse(errors, "overload", "--rate", "5000", "--factor", "3", "--budget-ms", "10"), errors);

        Assert.Empty(errors);
        Assert.Null(measured.Rate);
        Assert.Equal(2, measured.Factor);
        Assert.Equal(20, measured.BudgetMilliseconds);
        Assert.Equal(5000, given.Rate);
        Assert.Equal(3, given.Factor);
        Assert.Equal(10, given.BudgetMilliseconds);
    }

    [Fact]
    public void Overload_ClosedModel_IsRefused()
    {
        var errors = new List<string>();

        OverloadOptions.Bind(Parse(errors, "overload", "--model", "closed"), errors);

        Assert.Contains(errors, e => e.Contains("open model"));
    }

    private static ArgumentList Parse(List<string> errors, params string[] args) => ArgumentList.Parse(
        args,
        LoadTestOptions.ValueOptionsWith([.. OverloadOptions.ValueOptions, .. OutageOptions.ValueOptions]),
        LoadTestOptions.FlagOptions,
        errors);
}
