using Gateway.Scoring.Login;

namespace Gateway.Scoring.Tests.Login;

public sealed class LoginProfileTests
{
    private static LoginProfile Profile(string? redirect = null) =>
        new("p", new LoginProfileOptions { FailureStatusCodes = [401, 403], FailureRedirectPath = redirect });

    [Theory]
    [InlineData(401, LoginOutcome.Failure)]
    [InlineData(403, LoginOutcome.Failure)]
    [InlineData(200, LoginOutcome.Success)]
    [InlineData(204, LoginOutcome.Success)]
    [InlineData(302, LoginOutcome.Success)]
    [InlineData(400, LoginOutcome.Other)]
    [InlineData(429, LoginOutcome.Other)]
    [InlineData(502, LoginOutcome.Other)]
    public void Classify_ByStatusCode(int status, LoginOutcome expected) => Assert.Equal(expected, Profile().Classify(status, null));

    [Theory]
    [InlineData("/login?error=1", LoginOutcome.Failure)]
    [InlineData("/Login/", LoginOutcome.Failure)]
    [InlineData("https://shop.example/login#retry", LoginOutcome.Failure)]
    [InlineData("/account", LoginOutcome.Success)]
    [InlineData("/login-help", LoginOutcome.Success)]
    [InlineData("", LoginOutcome.Success)]
    public void Classify_ARedirectBackToTheLoginPage_AsFailure(string location, LoginOutcome expected) =>
        Assert.Equal(expected, Profile("/login").Classify(302, location));
}
