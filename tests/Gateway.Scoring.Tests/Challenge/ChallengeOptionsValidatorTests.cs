using Gateway.Scoring.Challenge;
using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Tests.Challenge;

public sealed class ChallengeOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var errors = new ConfigurationErrors();

        ChallengeOptionsValidator.Validate(new ChallengeOptions(), errors);

        Assert.Empty(errors.Errors);
    }

    [Fact]
    public void KeyThatIsNotBase64_IsReported_NamingTheKey_WithoutItsValue()
    {
        const string secret = "this-is-not-base64-but-a-secret!";
        var errors = new ConfigurationErrors();

        ChallengeOptionsValidator.Validate(new ChallengeOptions { Key = secret }, errors);

        var error = Assert.Single(errors.Errors);
        Assert.StartsWith("Protection:Challenge:Key:", error);
        Assert.Contains("base64", error);
        Assert.DoesNotContain(secret, error);
    }

    [Fact]
    public void KeyShorterThan32Bytes_IsReported_WithItsLength()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);
        var errors = new ConfigurationErrors();

        ChallengeOptionsValidator.Validate(new ChallengeOptions { Key = shortKey }, errors);

        var error = Assert.Single(errors.Errors);
        Assert.StartsWith("Protection:Challenge:Key:", error);
        Assert.Contains("16 bytes", error);
        Assert.DoesNotContain(shortKey, error);
    }

    [Fact]
    public void Key_Of32Bytes_IsAccepted_AndDecoded()
    {
        var errors = new ConfigurationErrors();

        ChallengeOptionsValidator.Validate(new ChallengeOptions { Key = ChallengeServices.SharedKey }, errors);

        Assert.Empty(errors.Errors);
        Assert.Equal(32, ChallengeOptionsValidator.DecodeKey(ChallengeServices.SharedKey)!.Length);
    }

    [Fact]
    public void EveryBadSetting_IsReported_AtOnce()
    {
        var errors = new ConfigurationErrors();

        ChallengeOptionsValidator.Validate(new ChallengeOptions
        {
            BaseDifficultyBits = 20,
            MaxDifficultyBits = 40,
            TokenLifetimeSeconds = 0,
            ClearanceLifetimeSeconds = -1,
            ClearanceIpv4PrefixLength = 33,
            ClearanceIpv6PrefixLength = 129,
            CookieName = "bad name;",
        }, errors);

        Assert.Equal(6, errors.Errors.Count);
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Challenge:MaxDifficultyBits:", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Challenge:TokenLifetimeSeconds:", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Challenge:ClearanceLifetimeSeconds:", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Challenge:ClearanceIpv4PrefixLength:", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Challenge:ClearanceIpv6PrefixLength:", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Challenge:CookieName:", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxBelowBase_IsReported()
    {
        var errors = new ConfigurationErrors();

        ChallengeOptionsValidator.Validate(new ChallengeOptions { BaseDifficultyBits = 16, MaxDifficultyBits = 12 }, errors);

        Assert.Contains("must not be below BaseDifficultyBits", Assert.Single(errors.Errors));
    }
}
