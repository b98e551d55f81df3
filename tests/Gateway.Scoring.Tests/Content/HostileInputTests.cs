using System.Text;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

/// <summary>Whatever a client sends, the extractor returns finite, bounded values and never throws.</summary>
public sealed class HostileInputTests
{
    private readonly ContentFeatureExtractor _extractor = new();

    public static TheoryData<string> HostileTargets() =>
    [
        "",
        "?",
        "#",
        "?#",
        "%",
        "/%",
        "/a?%",
        "/a?q=%zz&%z=%",
        "/a?q=%00%00\0\0",
        "/\0/\0?\0=\0",
        "/%C0%AF%C0%AF%C1%9C",
        "/%E0%80%AF%F0%80%80%AF",
        "/%F4%90%80%80%F8%88%80%80%80",
        "/%FF%FE%FD",
        "/?q=%uD800%uDC00%uDFFF%uD800",
        "/\uD800\uDFFF\uDC00",
        "/?q=%u",
        "/?q=%u12",
        "/?q=%u12zz",
        "http://",
        "http://host",
        "https://host?x",
        "://x",
        "*",
        "/" + new string('%', 70_000),
        "/" + string.Concat(Enumerable.Repeat("%25", 20_000)) + "27",
        "/a?" + string.Concat(Enumerable.Repeat("a=b&", 50_000)),
        "/" + new string('a', 1 << 20),
        "/a?" + new string('\'', 1 << 20),
        "/a?q=" + new string('\uFFFF', 5000),
        "/a?q=" + string.Concat(Enumerable.Repeat("%EF%BC%87", 3000)),
    ];

    [Theory]
    [MemberData(nameof(HostileTargets))]
    public void Extract_HostileTarget_ReturnsFiniteBoundedValues(string target)
    {
        AssertSane(Extract(new RequestContent("GET", target, ReadOnlyMemory<byte>.Empty, null)));
    }

    [Fact]
    public void Extract_DefaultContent_DoesNotThrow()
    {
        AssertSane(Extract(default));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\0")]
    public void Extract_HostileBody_ReturnsFiniteBoundedValues(string? contentType)
    {
        var random = new Random(2010);
        var noise = new byte[1 << 20];
        random.NextBytes(noise);
        AssertSane(Extract(new RequestContent("POST", "/a", noise, contentType)));
        var overlong = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("%C0%AF%00+", 100_000)));
        AssertSane(Extract(new RequestContent("POST", "/a", overlong, contentType)));
        AssertSane(Extract(new RequestContent("POST", "/a", new byte[] { 0xC0, 0xAF, 0x00, 0xFF, 0xF4, 0x90 }, contentType)));
    }

    [Fact]
    public void Extract_HugeTarget_IsMarkedTruncated()
    {
        var features = Extract(new RequestContent("GET", "/" + new string('a', 1 << 20), ReadOnlyMemory<byte>.Empty, null));
        Assert.Equal(1, features[ContentFeatureLayout.HandcraftedOffset + HandcraftedFeature.Truncated]);
        var small = Extract(new RequestContent("GET", "/aaaa", ReadOnlyMemory<byte>.Empty, null));
        Assert.Equal(0, small[ContentFeatureLayout.HandcraftedOffset + HandcraftedFeature.Truncated]);
    }

    private float[] Extract(RequestContent content)
    {
        var features = new float[_extractor.FeatureCount];
        _extractor.Extract(content, features);
        return features;
    }

    private static void AssertSane(float[] features)
    {
        for (var i = 0; i < features.Length; i++)
        {
            Assert.True(float.IsFinite(features[i]) && features[i] >= 0 && features[i] < 20, $"feature {i} = {features[i]}");
        }
    }
}
