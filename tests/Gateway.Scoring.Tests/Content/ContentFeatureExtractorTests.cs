using System.Text;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

public sealed class ContentFeatureExtractorTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private readonly ContentFeatureExtractor _extractor = new();

    [Fact]
    public void Extractor_DescribesItsLayout()
    {
        Assert.Equal("content-v11", _extractor.SchemaVersion);
        Assert.Equal(ContentFeatureLayout.FeatureCount, _extractor.FeatureCount);
        Assert.True(_extractor.FeatureCount <= 4096);
        Assert.Equal(HandcraftedFeature.Count, HandcraftedFeature.Names.Count);
    }

    [Theory]
    [InlineData("%27")]
    [InlineData("%2527")]
    [InlineData("%u0027")]
    [InlineData("%EF%BC%87")]
    public void Extract_EncodedQuote_HasTheSameContentFeaturesAsAPlainQuote(string encodedQuote)
    {
        var plain = Extract("/shop/item.jsp?id=2'+or+1=1--");
        var encoded = Extract($"/shop/item.jsp?id=2{encodedQuote}+or+1=1--");
        AssertSameContent(plain, encoded);
        Assert.True(Handcrafted(encoded, HandcraftedFeature.SingleQuote) > 0);
    }

    [Fact]
    public void Extract_NestedEncoding_IsItselfASignal()
    {
        var once = Extract("/a?q=%27");
        var twice = Extract("/a?q=%2527");
        Assert.Equal(0, Handcrafted(once, HandcraftedFeature.MultipleEncoding));
        Assert.Equal(1, Handcrafted(twice, HandcraftedFeature.MultipleEncoding));
        Assert.Equal(1, Handcrafted(Extract("/a?q=%u0027"), HandcraftedFeature.PercentU));
    }

    [Theory]
    [InlineData("/login?next=%68%74%74%70%73%3a%2f%2fevil.example", null, null)]
    [InlineData("/search?q=%3C%73cript%3Ealert(1)%3C/script%3E", null, null)]
    [InlineData("/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd", null, null)]
    [InlineData("/%61dmin/users", null, null)]
    [InlineData("/a?q=1%2D%2D", null, null)]
    [InlineData("/login", "user=bob&next=%68ttps%3A%2F%2Fevil.example", Form)]
    public void Extract_AnEscapeNoEncoderWrites_IsEvidence(string target, string? body, string? contentType)
    {
        var features = Extract(target, body, contentType, body is null ? "GET" : "POST");
        Assert.Equal(1, Handcrafted(features, HandcraftedFeature.EscapedUnreserved));
    }

    [Theory]
    [InlineData("/reset?email=chen.wei%40example.com", null, null)]   // what a browser sends
    [InlineData("/a?q=caf%C3%A9+%26+cr%C3%A8me%2C+100%25", null, null)]
    [InlineData("/a?q=%7Euser", null, null)]                          // ~: old encoders escaped it
    [InlineData("/a?q=%2561", null, null)]                            // double: MultipleEncoding's, not this
    [InlineData("/a?q=%u0061", null, null)]                           // PercentU's
    [InlineData("/a?q=50%", null, null)]                              // no escape at all
    [InlineData("/a?q=%4", null, null)]
    [InlineData("/api/login", "{\"password\":\"H@rb0r%69\"}", "application/json")] // typed text, not URL-encoded
    [InlineData("/a", "password=H%40rb0r%2569", Form)]                // the same password in a form: %25 is '%'
    public void Extract_EscapesEveryEncoderWrites_AreNotEvidence(string target, string? body, string? contentType)
    {
        var features = Extract(target, body, contentType, body is null ? "GET" : "POST");
        Assert.Equal(0, Handcrafted(features, HandcraftedFeature.EscapedUnreserved));
    }

    [Fact]
    public void Extract_EscapedLetters_ReadAsTheLettersTheyStandFor()
    {
        var escaped = Extract("/search?q=%3C%73%63%72%69%70%74%3E");
        AssertSameContent(Extract("/search?q=%3Cscript%3E"), escaped);
        Assert.Equal(1, Handcrafted(escaped, HandcraftedFeature.ScriptTag));
    }

    [Fact]
    public void Extract_PlusAndPercent20InQuery_AreTheSameSpace()
    {
        AssertSameContent(Extract("/a?q=union+select+1"), Extract("/a?q=union%20select%201"));
    }

    [Fact]
    public void Extract_PathAndArgumentNames_NeverReachTheNgrams()
    {
        // Endpoints and field names are one application's vocabulary; only what is sent in values is hashed.
        var shop = Extract("/tienda1/publico/anadir.jsp?nombre=green+tea&cantidad=2");
        var api = Extract("/api/v2/cart/items?product_name=green+tea&qty=2");
        Assert.Equal(shop, api);
    }

    [Fact]
    public void Extract_EncodedSeparatorsInsideAValue_StayInThatValue()
    {
        // Pairs are split as sent, then decoded: %26 and %3D are characters of the value, not separators.
        var encoded = Extract("/a?q=x%26id%3D1");
        var split = Extract("/a?q=x&id=1");
        Assert.NotEqual(encoded, split);
        Assert.Equal(encoded, Extract("/a", "q=x%26id%3D1", Form, "POST"));
    }

    [Fact]
    public void Extract_JsonEscapes_AreUndoneLikeTheBackEndsParserDoes()
    {
        var escaped = Extract("/api", "{\"q\":\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"}", "application/json; charset=utf-8", "POST");
        var plain = Extract("/api", "{\"q\":\"<script>alert(1)</script>\"}", "application/json", "POST");
        Assert.Equal(plain, escaped);
        Assert.Equal(1, Handcrafted(escaped, HandcraftedFeature.ScriptTag));
        // Outside JSON the same escapes are script escapes: undone too, and evidence of evasion on top.
        var notJson = Extract("/api", "{\"q\":\"\\u003cscript\\u003e\"}", "text/plain", "POST");
        Assert.Equal(1, Handcrafted(notJson, HandcraftedFeature.ScriptTag));
        Assert.Equal(1, Handcrafted(notJson, HandcraftedFeature.PercentU));
        Assert.Equal(0, Handcrafted(escaped, HandcraftedFeature.PercentU));
    }

    [Fact]
    public void Extract_WordsOfThePathAndOfNames_AreNotKeywordCounts()
    {
        // An admin console's own vocabulary (admin, config, host, file) is not a payload; the same words as values are.
        var console = Extract("/admin/config/file?host=alpha&logs=on", null, null, "GET");
        Assert.Equal(0, Handcrafted(console, HandcraftedFeature.FileKeywords));
        var values = Extract("/search?q=admin+config+file+logs", null, null, "GET");
        Assert.True(Handcrafted(values, HandcraftedFeature.FileKeywords) > 0);
        var traversal = Extract("/static/..%2F..%2Fetc%2Fpasswd", null, null, "GET");
        Assert.Equal(1, Handcrafted(traversal, HandcraftedFeature.SensitivePath));
    }

    [Fact]
    public void Extract_JsonDocument_IsScannedStringByStringWithoutItsOwnQuotes()
    {
        // The document's quotes are structure: "or best offer" is a value, not a quote followed by "or".
        var json = Extract("/api", "{\"note\": \"or best offer\", \"tag\": \"#sale\"}", "application/json", "POST");
        Assert.Equal(0, Handcrafted(json, HandcraftedFeature.SqlQuoteLogic));
        Assert.Equal(0, Handcrafted(json, HandcraftedFeature.SqlQuoteTerminator));
        // ...while a quote inside a value is the value's own.
        var injected = Extract("/api", "{\"user\": \"admin' or '1'='1\"}", "application/json", "POST");
        Assert.Equal(1, Handcrafted(injected, HandcraftedFeature.SqlQuoteLogic));
        // Keys are names: operators in them count, their words never reach the n-grams.
        var operatorKey = Extract("/api", "{\"user\": {\"$ne\": null}}", "application/json", "POST");
        Assert.Equal(1, Handcrafted(operatorKey, HandcraftedFeature.QueryOperator));
        Assert.Equal(
            Extract("/api", "{\"a\": \"green tea\"}", "application/json", "POST"),
            Extract("/api", "{\"product_name\":\"green tea\"}", "application/json", "POST"));
    }

    [Fact]
    public void Extract_TruncatedOrMislabelledJson_IsStillRead()
    {
        var truncated = Extract("/api", "{\"q\": \"<script>alert(1)", "application/json", "POST");
        Assert.Equal(1, Handcrafted(truncated, HandcraftedFeature.ScriptTag));
        var notADocument = Extract("/api", "<script>alert(1)</script>", "application/json", "POST");
        Assert.Equal(1, Handcrafted(notADocument, HandcraftedFeature.ScriptTag));
    }

    [Fact]
    public void Extract_JsonLineBreakEscape_ReachesTheHeaderInjectionCount()
    {
        var features = Extract("/api", "{\"lang\":\"en\\r\\nSet-Cookie: admin=1\"}", "application/problem+json", "POST");
        Assert.Equal(1, Handcrafted(features, HandcraftedFeature.HeaderInjection));
    }

    [Fact]
    public void Extract_MixedCaseKeywords_GiveTheSameVector()
    {
        Assert.Equal(Extract("/a?q=1+UNION+SeLeCt+password+FROM+users"), Extract("/a?q=1+union+select+password+from+users"));
        Assert.Equal(4, MathF.Round(MathF.Exp(Handcrafted(Extract("/a?q=1+UNION+SeLeCt+x+FROM+y+WHERE"), HandcraftedFeature.SqlKeywords)) - 1));
    }

    [Fact]
    public void Extract_SamePayloadAsGetQueryOrFormBody_GivesTheSameVector()
    {
        var get = Extract("/tienda1/publico/anadir.jsp?id=2&nombre=Jam%F3n+Ib%E9rico&cantidad=%27%3B+DROP+TABLE+usuarios%3B");
        var post = Extract("/tienda1/publico/anadir.jsp", "id=2&nombre=Jam%F3n+Ib%E9rico&cantidad=%27%3B+DROP+TABLE+usuarios%3B", Form, method: "POST");
        Assert.Equal(get, post);
    }

    [Fact]
    public void Extract_NonFormBody_KeepsPlusLiteral()
    {
        var json = Extract("/api", "{\"a\":\"1+1\"}", "application/json", "POST");
        var form = Extract("/api", "{\"a\":\"1+1\"}", Form, "POST");
        Assert.NotEqual(json, form);
    }

    [Fact]
    public void Extract_AbsoluteFormTarget_IgnoresSchemeAndHost()
    {
        Assert.Equal(Extract("/a/b?x=1"), Extract("http://localhost:8080/a/b?x=1"));
        Assert.Equal(Extract("/a/b?x=1"), Extract("https://example.com/a/b?x=1"));
    }

    [Fact]
    public void Extract_CountsInjectionCharacters()
    {
        var features = Extract("/a?q=<script>alert(1)</script>&c=$(id)&d=${jndi:x}&e=../../etc/passwd&f=a;b|c--/*");
        Assert.Equal(2, Count(features, HandcraftedFeature.AngleOpen));
        Assert.Equal(1, Count(features, HandcraftedFeature.DollarParenthesis));
        Assert.Equal(1, Count(features, HandcraftedFeature.DollarBrace));
        Assert.Equal(2, Count(features, HandcraftedFeature.DotDotSlash));
        Assert.Equal(1, Count(features, HandcraftedFeature.Semicolon));
        Assert.Equal(1, Count(features, HandcraftedFeature.Pipe));
        Assert.Equal(1, Count(features, HandcraftedFeature.DoubleDash));
        Assert.Equal(1, Count(features, HandcraftedFeature.CommentOpen));
        Assert.True(Count(features, HandcraftedFeature.XssKeywords) >= 3);
        Assert.True(Count(features, HandcraftedFeature.FileKeywords) >= 2);
    }

    [Fact]
    public void Extract_BackupFileProbe_FlagsTheExtension()
    {
        Assert.Equal(1, Handcrafted(Extract("/tienda1/index.jsp.BAK"), HandcraftedFeature.SuspiciousExtension));
        Assert.Equal(1, Handcrafted(Extract("/tienda1/index.jsp~"), HandcraftedFeature.SuspiciousExtension));
        Assert.Equal(0, Handcrafted(Extract("/tienda1/index.jsp"), HandcraftedFeature.SuspiciousExtension));
    }

    [Fact]
    public void Extract_NulAndCrlf_AreCountedAfterDecoding()
    {
        var features = Extract("/a?f=x%2500&g=%250D%250ASet-cookie%253A1");
        Assert.Equal(1, Count(features, HandcraftedFeature.Nul));
        Assert.Equal(2, Count(features, HandcraftedFeature.LineBreak));
    }

    [Fact]
    public void Extract_NgramRegion_HasUnitLength()
    {
        var features = Extract("/tienda1/publico/autenticar.jsp?login=ana&pwd=x%27+or+%271%27%3D%271");
        Assert.Equal(1.0, Norm(Region(features, ContentFeatureLayout.ValueOffset, ContentFeatureLayout.ValueBuckets)), 4);
    }

    [Fact]
    public void Extract_SameRequestTwiceOrOnAnotherInstance_GivesIdenticalBits()
    {
        const string target = "/tienda1/miembros/editar.jsp?modo=registro&login=bob&password=%252F..%252F&email=a%40b.c";
        var first = Extract(target);
        var second = Extract(target);
        var third = new ContentFeatureExtractor();
        var fromOther = new float[third.FeatureCount];
        third.Extract(new RequestContent("GET", target, ReadOnlyMemory<byte>.Empty, null), fromOther);
        Assert.Equal(first, second);
        Assert.Equal(first, fromOther);
    }

    [Fact]
    public void Extract_OverwritesWhateverTheBufferHeld()
    {
        var buffer = new float[_extractor.FeatureCount];
        buffer.AsSpan().Fill(7);
        _extractor.Extract(new RequestContent("GET", "/a", ReadOnlyMemory<byte>.Empty, null), buffer);
        Assert.Equal(Extract("/a"), buffer);
    }

    [Fact]
    public void Extract_DestinationTooSmall_IsAProgrammingError()
    {
        var buffer = new float[_extractor.FeatureCount - 1];
        Assert.Throws<ArgumentException>(() =>
            _extractor.Extract(new RequestContent("GET", "/a", ReadOnlyMemory<byte>.Empty, null), buffer));
    }

    [Fact]
    public void RequestContent_CarriesNoHeaderButTheContentType()
    {
        // Host, Cookie and User-Agent are artefacts of the training capture; they must not be able to
        // reach the features. If this fails, someone widened the contract: retrain and re-justify.
        var properties = typeof(RequestContent).GetProperties().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["Body", "ContentType", "Method", "Target"], properties);
    }

    private float[] Extract(string target, string? body = null, string? contentType = null, string method = "GET")
    {
        var features = new float[_extractor.FeatureCount];
        var bytes = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body);
        _extractor.Extract(new RequestContent(method, target, bytes, contentType), features);
        return features;
    }

    /// <summary>
    /// Everything that describes what the request says, leaving out how it was spelled
    /// (raw lengths and the decoding evidence, which are meant to differ).
    /// </summary>
    private static void AssertSameContent(float[] expected, float[] actual)
    {
        Assert.Equal(
            expected.AsSpan(0, ContentFeatureLayout.HandcraftedOffset).ToArray(),
            actual.AsSpan(0, ContentFeatureLayout.HandcraftedOffset).ToArray());
        for (var i = 0; i < HandcraftedFeature.Count; i++)
        {
            if (HandcraftedFeature.IsEncodingEvidence(i))
            {
                continue;
            }
            Assert.True(
                expected[ContentFeatureLayout.HandcraftedOffset + i] == actual[ContentFeatureLayout.HandcraftedOffset + i],
                $"{HandcraftedFeature.Names[i]}: {expected[ContentFeatureLayout.HandcraftedOffset + i]} != {actual[ContentFeatureLayout.HandcraftedOffset + i]}");
        }
    }

    private static float Handcrafted(float[] features, int index) => features[ContentFeatureLayout.HandcraftedOffset + index];

    private static float Count(float[] features, int index) => MathF.Round(MathF.Exp(Handcrafted(features, index)) - 1);

    private static float[] Region(float[] features, int offset, int length) => features.AsSpan(offset, length).ToArray();

    private static double Norm(float[] values) => Math.Sqrt(values.Sum(v => (double)v * v));
}
