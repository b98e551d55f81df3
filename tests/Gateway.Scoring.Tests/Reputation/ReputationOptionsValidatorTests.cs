using Gateway.Scoring.Configuration;
using Gateway.Scoring.Reputation;

namespace Gateway.Scoring.Tests.Reputation;

public sealed class ReputationOptionsValidatorTests
{
    [Fact]
    public void Load_EveryInvalidSetting_IsReportedWithItsKey()
    {
        var options = new ReputationOptions
        {
            Lists =
            [
                new() { Name = "ok", Path = "a.txt", Weight = 1 },
                new() { Name = "", Path = "", Category = "", Weight = 1.5, MinCount = 0 },
                new() { Name = "OK", Path = "b.txt", Weight = double.NaN, Format = (ReputationListFormat)9 },
                new() { Name = "bad name", Path = "c.txt", Category = "at\ntacks", Weight = -0.1 },
            ],
            ExemptRanges = ["10.0.0.0/8", "10.1.2.3/8", "not-an-ip"],
        };
        var errors = new ConfigurationErrors();

        var database = ReputationDatabase.Load(options, new AssetPaths(Path.GetTempPath()), errors);

        Assert.False(database.IsLoaded);
        var keys = errors.Errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]).ToArray();
        Assert.Equal(
            [
                "Protection:Reputation:Lists:1:Name",
                "Protection:Reputation:Lists:1:Category",
                "Protection:Reputation:Lists:1:Path",
                "Protection:Reputation:Lists:1:Weight",
                "Protection:Reputation:Lists:1:MinCount",
                "Protection:Reputation:Lists:2:Name",
                "Protection:Reputation:Lists:2:Weight",
                "Protection:Reputation:Lists:2:Format",
                "Protection:Reputation:Lists:3:Name",
                "Protection:Reputation:Lists:3:Category",
                "Protection:Reputation:Lists:3:Weight",
                "Protection:Reputation:ExemptRanges:1",
                "Protection:Reputation:ExemptRanges:2",
            ],
            keys);
        Assert.Contains("duplicate list name 'OK'", errors.Errors[5]);
        Assert.Contains("'at\\x0Atacks'", errors.Errors[9]);
    }

    [Fact]
    public void Load_MoreThanSixtyFourLists_IsAnError()
    {
        var options = new ReputationOptions
        {
            Lists = [.. Enumerable.Range(0, 65).Select(i => new ReputationListOptions { Name = $"l{i}", Path = "x" })],
        };
        var errors = new ConfigurationErrors();
        ReputationDatabase.Load(options, new AssetPaths(Path.GetTempPath()), errors);
        Assert.Equal(["Protection:Reputation:Lists: 65 lists configured; at most 64 are supported."], errors.Errors);
    }

    [Fact]
    public void Load_InvalidSettings_AreErrorsEvenWhenOptional()
    {
        var options = new ReputationOptions { Optional = true, Lists = [new() { Name = "x", Path = "x", Weight = 2 }] };
        var errors = new ConfigurationErrors();
        ReputationDatabase.Load(options, new AssetPaths(Path.GetTempPath()), errors, "Custom:Section");
        Assert.Equal(["Custom:Section:Lists:0:Weight: Weight must be within [0, 1]; got 2."], errors.Errors);
    }

    [Fact]
    public void SpecialPurposeRanges_AreAllValidExactNetworks()
    {
        var errors = new ConfigurationErrors();
        var ranges = Gateway.Scoring.Addressing.ConfiguredRanges.Parse(SpecialPurposeRanges.Cidrs, "k", errors);
        Assert.Empty(errors.Errors);
        Assert.Equal(SpecialPurposeRanges.Cidrs.Count, ranges.Count);
    }
}
