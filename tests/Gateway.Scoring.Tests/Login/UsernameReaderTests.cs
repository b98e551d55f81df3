using System.Text;
using Gateway.Scoring.Login;

namespace Gateway.Scoring.Tests.Login;

public sealed class UsernameReaderTests
{
    private static string? Form(string body, string field = "username") =>
        UsernameReader.Read(Encoding.UTF8.GetBytes(body), complete: true, UsernameSource.Form, field);

    private static string? Json(string body, bool complete = true, string field = "username") =>
        UsernameReader.Read(Encoding.UTF8.GetBytes(body), complete, UsernameSource.Json, field);

    [Theory]
    [InlineData("username=alice&password=x", "alice")]
    [InlineData("password=x&username=alice", "alice")]
    [InlineData("user%6Eame=Al%C3%AFce+B&password=x", "Alïce B")]
    [InlineData("csrf=1&username=a%26b%3Dc", "a&b=c")]
    public void Form_FindsTheFieldAndDecodesIt(string body, string expected) => Assert.Equal(expected, Form(body));

    [Theory]
    [InlineData("password=x")]
    [InlineData("username=&password=x")]
    [InlineData("usernamex=alice")]
    [InlineData("&&=&username")]
    [InlineData("")]
    public void Form_WithoutTheField_IsUnknown(string body) => Assert.Null(Form(body));

    [Theory]
    [InlineData("""{"username":"alice","password":"x"}""", "alice")]
    [InlineData("""{"remember":true,"meta":{"username":"nested"},"username":"bob"}""", "bob")]
    [InlineData("""{"list":[1,{"username":"no"}],"username":"carol"}""", "carol")]
    [InlineData("""{"username":"\u00e9ve"}""", "éve")]
    public void Json_FindsTheTopLevelStringProperty(string body, string expected) => Assert.Equal(expected, Json(body));

    [Theory]
    [InlineData("""{"username":42}""")]
    [InlineData("""{"meta":{"username":"nested"}}""")]
    [InlineData("""["username","alice"]""")]
    [InlineData("""{"username":""")]
    [InlineData("not json")]
    public void Json_WithoutATopLevelString_IsUnknown(string body) => Assert.Null(Json(body));

    [Fact]
    public void Json_CutOffAfterTheField_StillFindsIt() =>
        Assert.Equal("alice", Json("""{"username":"alice","password":"abcdefghij""", complete: false));
}
