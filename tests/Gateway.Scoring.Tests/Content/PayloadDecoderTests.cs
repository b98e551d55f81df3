using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

public sealed class PayloadDecoderTests
{
    [Theory]
    [InlineData("'", "'")]
    [InlineData("%27", "'")]
    [InlineData("%2527", "'")]
    [InlineData("%252527", "'")]
    [InlineData("%u0027", "'")]
    [InlineData("%U0027", "'")]
    [InlineData("%25u0027", "'")]
    [InlineData("%EF%BC%87", "'")]
    [InlineData("%C0%A7", "'")]
    [InlineData("SeLeCt", "select")]
    [InlineData("%53%45%4C%45%43%54", "select")]
    [InlineData(@"\u0027", "'")]
    [InlineData(@"\x27", "'")]
    [InlineData("%5Cu0027", "'")]
    public void Decode_EverySpellingOfAPayload_GivesTheSameText(string sent, string expected)
    {
        Assert.Equal(expected, Decode(sent, plusIsSpace: false, out _));
    }

    [Theory]
    [InlineData(@"{""a"":""\u003cb\u003e""}", @"{""a"":""<b>""}")]
    [InlineData(@"say \""hi\"" \\ \/ \n\r\t", "say \"hi\" \\ / \n\r\t")]
    [InlineData(@"\u0027 or \u00271\u0027=\u00271", "' or '1'='1")]
    [InlineData(@"\u12", @"\u12")]
    [InlineData(@"\uzzzz \q", @"\uzzzz \q")]
    [InlineData(@"end\", @"end\")]
    [InlineData("no escapes", "no escapes")]
    public void JsonUnescape_UndoesEscapesAndKeepsMalformedOnesAsWritten(string sent, string expected)
    {
        var buffer = sent.ToCharArray();
        var length = PayloadDecoder.JsonUnescape(buffer);
        Assert.Equal(expected, new string(buffer, 0, length));
    }

    [Theory]
    [InlineData(@"\u003cscript\u003e", "<script>", true)]
    [InlineData(@"\x3cimg\x3e", "<img>", true)]
    [InlineData(@"c:\users\xavier\docs", @"c:\users\xavier\docs", false)]
    [InlineData(@"\u12 \x4", @"\u12 \x4", false)]
    [InlineData(@"end\", @"end\", false)]
    public void Decode_ScriptEscapes_AreUndoneAndFlagged(string sent, string expected, bool flagged)
    {
        Assert.Equal(expected, Decode(sent, plusIsSpace: false, out var evidence));
        Assert.Equal(flagged, evidence.PercentU);
    }

    [Fact]
    public void Decode_PlusInFormText_IsASpaceButAnEncodedPlusStaysAPlus()
    {
        Assert.Equal("a b+c", Decode("a+b%2Bc", plusIsSpace: true, out _));
        Assert.Equal("a+b+c", Decode("a+b%2Bc", plusIsSpace: false, out _));
    }

    [Fact]
    public void Decode_OverlongUtf8Slash_DecodesToSlashAndIsFlagged()
    {
        Assert.Equal("../../etc/passwd", Decode("..%C0%AF..%C0%AFetc%C0%AFpasswd", false, out var evidence));
        Assert.True(evidence.OverlongUtf8);
    }

    [Fact]
    public void Decode_ValidUtf8_BecomesOneCharacterAndLatin1BytesStayCharacters()
    {
        Assert.Equal("ñ", Decode("%C3%B1", false, out var utf8));
        Assert.False(utf8.OverlongUtf8);
        Assert.Equal("jamón", Decode("Jam%F3n", false, out _));
    }

    [Fact]
    public void Decode_FullwidthAngleBrackets_FoldToAsciiAndAreFlagged()
    {
        Assert.Equal("<script>", Decode("%EF%BC%9Cscript%EF%BC%9E", false, out var evidence));
        Assert.True(evidence.Fullwidth);
    }

    [Fact]
    public void Decode_NestedEncoding_CountsTheRounds()
    {
        Decode("%27", false, out var once);
        Decode("%2527", false, out var twice);
        Decode("plain", false, out var none);
        Assert.Equal(1, once.Rounds);
        Assert.Equal(2, twice.Rounds);
        Assert.Equal(0, none.Rounds);
    }

    [Fact]
    public void Decode_EncodingDeeperThanTheRoundLimit_StopsAtTheLimit()
    {
        // A quote encoded six times needs six passes; the decoder does four and leaves the rest as text.
        var decoded = Decode("%252525252527", false, out var evidence);
        Assert.Equal(ContentFeatureLayout.MaxDecodeRounds, evidence.Rounds);
        Assert.Equal("%2527", decoded);
    }

    [Theory]
    [InlineData("%", "%", 1)]
    [InlineData("%z", "%z", 1)]
    [InlineData("%zz", "%zz", 1)]
    [InlineData("abc%", "abc%", 1)]
    [InlineData("%2", "%2", 1)]
    [InlineData("%u12", "%u12", 1)]
    [InlineData("%%41", "%a", 1)]
    public void Decode_MalformedEscapes_StayLiteralAndAreCounted(string sent, string expected, int malformed)
    {
        Assert.Equal(expected, Decode(sent, false, out var evidence));
        Assert.Equal(malformed, evidence.MalformedPercent);
    }

    [Fact]
    public void Decode_LoneSurrogatesAndNul_PassThroughAsCharacters()
    {
        Assert.Equal("\uD800x\0\uDC00", Decode("%uD800x%00%uDC00", false, out var evidence));
        Assert.True(evidence.PercentU);
    }

    [Fact]
    public void Decode_TruncatedUtf8Sequence_KeepsTheBytesAsLatin1()
    {
        Assert.Equal("\u00E2\u0082", Decode("%E2%82", false, out _));
    }

    private static string Decode(string sent, bool plusIsSpace, out DecodeEvidence evidence)
    {
        evidence = default;
        var buffer = sent.ToCharArray().AsSpan();
        return ContentDecoding.Decode(buffer, plusIsSpace, ref evidence).ToString();
    }

    [Theory]
    [InlineData("..%u2215..%u2215etc%u2215passwd", "../../etc/passwd")]
    [InlineData("..%u2216..%u2216windows", "..\\..\\windows")]
    [InlineData("a%E2%88%95b", "a/b")]
    public void Decode_SlashLookAlikes_FoldToSlashesAndAreFlagged(string sent, string expected)
    {
        var text = sent.ToCharArray();
        var evidence = default(DecodeEvidence);
        var decoded = ContentDecoding.Decode(text, plusIsSpace: false, ref evidence);
        Assert.Equal(expected, decoded.ToString());
        Assert.True(evidence.Fullwidth);
    }
}
