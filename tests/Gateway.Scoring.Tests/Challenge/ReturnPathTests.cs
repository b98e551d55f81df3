using Gateway.Scoring.Challenge;

namespace Gateway.Scoring.Tests.Challenge;

public sealed class ReturnPathTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=green+tea&page=2")]
    [InlineData("/a/b/c.html#top")]
    [InlineData("/path%2F%2Fencoded?next=%2F%2Fevil.example")]
    [InlineData("/login?return=https%3A%2F%2Fevil.example")]
    public void SameOriginPaths_AreSafe(string path)
    {
        Assert.True(ReturnPath.IsSafe(path));
        Assert.Equal(path, ReturnPath.OrFallback(path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/path\\..\\x")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("evil.example")]
    [InlineData("/ok\r\nLocation: https://evil.example")]
    [InlineData("/ok\nSet-Cookie: a=b")]
    [InlineData("/\t/evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/caf\u00e9")]
    [InlineData("/nul\0")]
    [InlineData("/del\u007f")]
    public void OpenRedirectAttempts_AreRefused_AndFallBackToTheSiteRoot(string? path)
    {
        Assert.False(ReturnPath.IsSafe(path));
        Assert.Equal("/", ReturnPath.OrFallback(path));
    }

    [Fact]
    public void OverlongPath_FallsBackToTheSiteRoot()
    {
        var path = "/" + new string('a', ReturnPath.MaxLength);

        Assert.Equal("/", ReturnPath.OrFallback(path));
    }
}
