using Gateway.Scoring.Configuration;
using Gateway.Scoring.Login;
using Microsoft.Extensions.Configuration;

namespace Gateway.Scoring.Tests.Login;

public sealed class LoginOptionsTests
{
    private static (ProtectionOptions Options, ConfigurationErrors Errors) Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var errors = new ConfigurationErrors();
        var options = ProtectionOptionsBinder.Bind(configuration, errors);
        LoginOptionsValidator.Validate(options.Login, configuration, errors);
        return (options, errors);
    }

    [Fact]
    public void ConfiguredFailureCodes_ReplaceTheDefaults()
    {
        var (options, errors) = Bind(("Protection:Login:Profiles:form:FailureStatusCodes:0", "401"));
        var profile = new LoginProfile("form", options.Login.Profiles["form"]);

        Assert.False(errors.HasErrors);
        Assert.Equal(LoginOutcome.Failure, profile.Classify(401, null));
        Assert.Equal(LoginOutcome.Other, profile.Classify(403, null));
    }

    [Fact]
    public void UnsetFailureCodes_Are401And403()
    {
        var (options, _) = Bind(("Protection:Login:Profiles:form:UsernameField", "email"));

        Assert.Equal([401, 403], options.Login.Profiles["form"].EffectiveFailureStatusCodes);
    }

    [Fact]
    public void EveryProblem_IsReportedWithItsKey()
    {
        var (_, errors) = Bind(
            ("Protection:Login:Profiles:p:UsernameField", " "),
            ("Protection:Login:Profiles:p:FailureStatusCodes:0", "200"),
            ("Protection:Login:Profiles:p:MaxBodyBytes", "10"),
            ("Protection:Login:Profiles:p:IpUsernamesBlock", "2"),
            ("Protection:Login:Profiles:p:MinFailureRatio", "1.5"),
            ("Protection:Login:UsernameKey", "not base64!"),
            ("ReverseProxy:Routes:r:Metadata:ProtectionLogin", "missing"));

        foreach (var key in new[]
        {
            "Protection:Login:Profiles:p:UsernameField", "Protection:Login:Profiles:p:FailureStatusCodes:0",
            "Protection:Login:Profiles:p:MaxBodyBytes", "Protection:Login:Profiles:p:IpUsernamesBlock",
            "Protection:Login:Profiles:p:MinFailureRatio", "Protection:Login:UsernameKey", "ReverseProxy:Routes:r:Metadata:ProtectionLogin",
        })
        {
            Assert.Contains(errors.Errors, e => e.StartsWith(key + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void UnknownProfileKey_IsAnError() =>
        Assert.True(Bind(("Protection:Login:Profiles:p:UsernameFeild", "user")).Errors.HasErrors);

    [Fact]
    public void UsernameKey_NeedsSixteenBytes()
    {
        Assert.Null(LoginOptionsValidator.DecodeKey(Convert.ToBase64String(new byte[15])));
        Assert.Equal(16, LoginOptionsValidator.DecodeKey(Convert.ToBase64String(new byte[16]))!.Length);
    }

    [Fact]
    public void DeviceSettings_DefaultToA90DayCookieForThreeUsernames_AndAreCheckedWithTheirKeys()
    {
        var (defaults, none) = Bind();
        var (_, errors) = Bind(
            ("Protection:Login:Device:CookieName", "gw device;"),
            ("Protection:Login:Device:LifetimeDays", "0"),
            ("Protection:Login:Device:MaxUsernames", "17"));

        Assert.False(none.HasErrors);
        Assert.True(defaults.Login.Device.Enabled);
        Assert.Equal(("gw_device", 90, 3), (defaults.Login.Device.CookieName, defaults.Login.Device.LifetimeDays, defaults.Login.Device.MaxUsernames));
        foreach (var key in new[] { "Protection:Login:Device:CookieName", "Protection:Login:Device:LifetimeDays", "Protection:Login:Device:MaxUsernames" })
        {
            Assert.Contains(errors.Errors, e => e.StartsWith(key + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void SurgeSettings_AreCheckedWithTheirKeys()
    {
        var (_, errors) = Bind(
            ("Protection:Login:Profiles:p:Surge:ShortHalfLifeSeconds", "600"),
            ("Protection:Login:Profiles:p:Surge:BaselineHalfLifeSeconds", "300"),
            ("Protection:Login:Profiles:p:Surge:MinFailingRatio", "0"),
            ("Protection:Login:Profiles:p:Surge:ExitFactor", "2"),
            ("Protection:Login:Profiles:p:Surge:Site", "{bad}"));

        foreach (var key in new[]
        {
            "Protection:Login:Profiles:p:Surge:BaselineHalfLifeSeconds", "Protection:Login:Profiles:p:Surge:MinFailingRatio",
            "Protection:Login:Profiles:p:Surge:ExitFactor", "Protection:Login:Profiles:p:Surge:Site",
        })
        {
            Assert.Contains(errors.Errors, e => e.StartsWith(key + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ProfilesSharingASite_MustJudgeItAlike()
    {
        var (_, same) = Bind(
            ("Protection:Login:Profiles:form:Surge:Site", "accounts"),
            ("Protection:Login:Profiles:json:Surge:Site", "accounts"));
        var (_, different) = Bind(
            ("Protection:Login:Profiles:form:Surge:Site", "accounts"),
            ("Protection:Login:Profiles:json:Surge:Site", "accounts"),
            ("Protection:Login:Profiles:json:Surge:MinFailing", "5"));

        Assert.False(same.HasErrors);
        Assert.Contains(different.Errors, e => e.Contains(":Surge:", StringComparison.Ordinal) && e.Contains("accounts", StringComparison.Ordinal));
    }

    [Fact]
    public void AProfileNameThatCannotNameAStoreKey_IsRefused()
    {
        var (_, errors) = Bind(("Protection:Login:Profiles:a{b}:UsernameField", "user"));

        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Login:Profiles:a{b}:", StringComparison.Ordinal));
    }
}
