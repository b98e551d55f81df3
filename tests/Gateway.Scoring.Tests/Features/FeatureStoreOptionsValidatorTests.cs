using Gateway.Scoring.Configuration;
using Gateway.Scoring.Features;

namespace Gateway.Scoring.Tests.Features;

public sealed class FeatureStoreOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_WithOrWithoutRedis_HaveNoErrors()
    {
        var errors = new ConfigurationErrors();

        FeatureStoreOptionsValidator.Validate(new FeatureStoreOptions(), null, errors);
        FeatureStoreOptionsValidator.Validate(new FeatureStoreOptions(), "redis.internal:6379,password=x,ssl=true", errors);

        Assert.Empty(errors.Errors);
    }

    [Fact]
    public void Validate_ReportsEveryBadSettingAtOnce_UnderItsKey()
    {
        var options = new FeatureStoreOptions
        {
            KeyPrefix = "gw{1}",
            BreakDurationSeconds = 0,
            FailuresBeforeBreaking = 0,
            ReadTimeoutMilliseconds = -5,
            MaxTrackedClients = 0,
            MaxDistinctPathsPerClient = 100_000,
        };
        var errors = new ConfigurationErrors();

        FeatureStoreOptionsValidator.Validate(options, null, errors);

        Assert.Equal(6, errors.Errors.Count);
        foreach (var key in new[] { "KeyPrefix", "BreakDurationSeconds", "FailuresBeforeBreaking", "ReadTimeoutMilliseconds", "MaxTrackedClients", "MaxDistinctPathsPerClient" })
        {
            Assert.Contains(errors.Errors, e => e.StartsWith($"Protection:Features:{key}: ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("g w")]
    [InlineData("gw}")]
    public void Validate_KeyPrefixThatWouldBreakKeys_IsAnError(string prefix)
    {
        var errors = new ConfigurationErrors();

        FeatureStoreOptionsValidator.Validate(new FeatureStoreOptions { KeyPrefix = prefix }, null, errors);

        Assert.StartsWith("Protection:Features:KeyPrefix: ", Assert.Single(errors.Errors));
    }

    [Fact]
    public void Validate_MalformedConnectionString_IsReportedUnderTheGivenKey_WithoutItsPassword()
    {
        var errors = new ConfigurationErrors();

        FeatureStoreOptionsValidator.Validate(
            new FeatureStoreOptions(), "redis:6379,password=hunter2,nonsense=1", errors, "ConnectionStrings:Redis");

        var error = Assert.Single(errors.Errors);
        Assert.StartsWith("ConnectionStrings:Redis: ", error);
        Assert.Contains("nonsense", error);
        Assert.DoesNotContain("hunter2", error);
    }

    [Fact]
    public void Validate_ConnectionStringWithoutEndpoint_IsAnError()
    {
        var errors = new ConfigurationErrors();

        FeatureStoreOptionsValidator.Validate(new FeatureStoreOptions(), "abortConnect=false", errors);

        Assert.StartsWith("ConnectionStrings:Redis: ", Assert.Single(errors.Errors));
    }
}
