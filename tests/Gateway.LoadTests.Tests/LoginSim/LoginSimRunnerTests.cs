using System.Net;
using Gateway.LoadTests.LoginSim;

namespace Gateway.LoadTests.Tests.LoginSim;

public sealed class LoginSimRunnerTests
{
    [Fact]
    public async Task FormAttempt_IsAnEncodedFormPostToLogin_FromTheClientAddress()
    {
        var attempt = new LoginEvent(0, ActorKind.Legitimate, 0, IPAddress.Parse("198.51.100.4"), "a&b@x", "p w=1", Json: false);

        using var request = LoginSimRunner.BuildRequest(attempt);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/login", request.RequestUri!.ToString());
        Assert.Equal("198.51.100.4", Assert.Single(request.Headers.GetValues("X-Forwarded-For")));
        Assert.Equal("username=a%26b%40x&password=p%20w%3D1", await request.Content!.ReadAsStringAsync());
        Assert.Equal("application/x-www-form-urlencoded", request.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task JsonAttempt_IsAJsonPostToTheApi()
    {
        var attempt = new LoginEvent(0, ActorKind.Stuffing, 3, IPAddress.Parse("2001:db8::1"), "bob", "x\"y", Json: true);

        using var request = LoginSimRunner.BuildRequest(attempt);

        Assert.Equal("/api/login", request.RequestUri!.ToString());
        Assert.Equal("2001:db8::1", Assert.Single(request.Headers.GetValues("X-Forwarded-For")));
        Assert.Equal("""{"username":"bob","password":"x\u0022y"}""", await request.Content!.ReadAsStringAsync());
    }

    [Fact]
    public void ADeviceCookie_TravelsInTheCookieHeader_AndNoneWithout()
    {
        var attempt = new LoginEvent(0, ActorKind.Legitimate, 0, IPAddress.Parse("198.51.100.4"), "bob", "pw", Json: true, Device: "u7");

        using var with = LoginSimRunner.BuildRequest(attempt, "gw_device=abc.def");
        using var without = LoginSimRunner.BuildRequest(attempt);

        Assert.Equal("gw_device=abc.def", Assert.Single(with.Headers.GetValues("Cookie")));
        Assert.False(without.Headers.Contains("Cookie"));
    }

    [Fact]
    public void TheIssuedDeviceCookie_IsItsNameAndValue_OtherCookiesIgnored()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("Set-Cookie", "session=1; path=/");
        response.Headers.Add("Set-Cookie", "gw_device=abc.def; max-age=7776000; path=/; samesite=lax; httponly");
        using var none = new HttpResponseMessage(HttpStatusCode.OK);
        none.Headers.Add("Set-Cookie", "session=1; path=/");

        Assert.Equal("gw_device=abc.def", LoginSimRunner.IssuedDeviceCookie(response));
        Assert.Null(LoginSimRunner.IssuedDeviceCookie(none));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "Succeeded")]
    [InlineData(HttpStatusCode.Unauthorized, "Failed")]
    [InlineData(HttpStatusCode.TooManyRequests, "Challenged")]
    [InlineData(HttpStatusCode.Forbidden, "Blocked")]
    [InlineData(HttpStatusCode.BadGateway, "Error")]
    public void Status_MapsToItsResult(HttpStatusCode status, string expected) =>
        Assert.Equal(Enum.Parse<AttemptResult>(expected), LoginSimRunner.Classify(status));

    [Theory]
    [InlineData("challenge; score=0.51; reasons=login.stuffing,login.hosting", "login.stuffing")]
    [InlineData("block; score=1; reasons=rate:10s", "rate:10s")]
    [InlineData("pass; score=0; reasons=", "")]
    [InlineData(null, null)]
    public void StrongestReason_IsTheFirstListed(string? header, string? expected) => Assert.Equal(expected, LoginSimRunner.StrongestReason(header));
}
