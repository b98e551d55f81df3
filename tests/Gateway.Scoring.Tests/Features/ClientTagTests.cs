using Gateway.Scoring.Features;

namespace Gateway.Scoring.Tests.Features;

public sealed class ClientTagTests
{
    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("2001:db8::1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("::ffff:192.0.2.1")]
    public void For_CanonicalAddressText_IsKeptAsIs(string address)
    {
        Assert.Same(address, ClientTag.For(address));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("{a}")]
    [InlineData("a}")]
    [InlineData("#abc")]
    [InlineData("a b")]
    [InlineData("ж")]
    public void For_AnythingElse_IsADigestWithoutBraces(string? key)
    {
        var tag = ClientTag.For(key);

        Assert.Matches("^#[0-9a-f]{32}$", tag);
        Assert.Equal(tag, ClientTag.For(key));
    }

    [Fact]
    public void For_LongKeys_AreBoundedAndStillTellApart()
    {
        var limit = new string('1', ClientTag.MaxReadableLength);
        var longer = limit + "1";
        var longest = new string('1', 1_000_000);

        Assert.Same(limit, ClientTag.For(limit));
        Assert.Equal(33, ClientTag.For(longer).Length);
        Assert.Equal(33, ClientTag.For(longest).Length);
        Assert.NotEqual(ClientTag.For(longer), ClientTag.For(longest));
    }

    [Fact]
    public void For_DigestOfOneKey_NeverEqualsAnotherKeysTag()
    {
        // The digest form starts with '#', which readable keys cannot contain.
        var digest = ClientTag.For("{a}");

        Assert.NotEqual(digest, ClientTag.For(digest));
        Assert.NotEqual(ClientTag.For("{a}"), ClientTag.For("{b}"));
    }
}
