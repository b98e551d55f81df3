using System.Text;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

/// <summary>XML and multipart bodies are read field by field (content-v3), as the application's parser reads them.</summary>
public sealed class StructuredBodyTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Boundary = "----WebKitFormBoundaryX3b9";
    private readonly ContentFeatureExtractor _extractor = new();

    private float[] Extract(string body, string? contentType, string target = "/upload")
    {
        var features = new float[_extractor.FeatureCount];
        _extractor.Extract(new RequestContent("POST", target, Encoding.UTF8.GetBytes(body), contentType), features);
        return features;
    }

    private static float Handcrafted(float[] features, int index) => features[ContentFeatureLayout.HandcraftedOffset + index];

    private static float[] Values(float[] features) => features.AsSpan(ContentFeatureLayout.ValueOffset, ContentFeatureLayout.ValueBuckets).ToArray();

    private static string Multipart(params (string Name, string? FileName, string? Type, string Content)[] parts)
    {
        var text = new StringBuilder();
        foreach (var (name, fileName, type, content) in parts)
        {
            text.Append("--").Append(Boundary).Append("\r\n");
            text.Append("Content-Disposition: form-data; name=\"").Append(name).Append('"');
            if (fileName is not null)
            {
                text.Append("; filename=\"").Append(fileName).Append('"');
            }
            text.Append("\r\n");
            if (type is not null)
            {
                text.Append("Content-Type: ").Append(type).Append("\r\n");
            }
            text.Append("\r\n").Append(content).Append("\r\n");
        }
        return text.Append("--").Append(Boundary).Append("--\r\n").ToString();
    }

    private const string MultipartType = "multipart/form-data; boundary=" + Boundary;

    [Fact]
    public void Multipart_TextField_HasTheSameValueFeaturesAsTheFormField()
    {
        var multipart = Extract(Multipart(("comment", null, null, "1' or '1'='1")), MultipartType);
        var form = Extract("comment=1%27+or+%271%27%3D%271", Form);
        Assert.Equal(Values(form), Values(multipart));
        Assert.Equal(1, Handcrafted(multipart, HandcraftedFeature.SqlQuoteLogic));
    }

    [Fact]
    public void Multipart_PartHeadersAndBoundaries_AreNotContent()
    {
        var upload = Extract(Multipart(("title", null, null, "Holiday photos"), ("file", "beach.png", "image/png", "\u0089PNG binary \"';<>")), MultipartType);
        var form = Extract("title=Holiday+photos&file=beach.png", Form);
        // The binary part gives only its file name; quotes and CR/LF of the part headers are gone.
        Assert.Equal(Values(form), Values(upload));
        Assert.Equal(0, Handcrafted(upload, HandcraftedFeature.SingleQuote));
        Assert.Equal(0, Handcrafted(upload, HandcraftedFeature.LineBreak));
    }

    [Fact]
    public void Multipart_MaliciousFileName_IsSeen()
    {
        var upload = Extract(Multipart(("file", "../../etc/passwd", "text/plain", "x")), MultipartType);
        Assert.True(Handcrafted(upload, HandcraftedFeature.DotDotSlash) > 0);
        Assert.Equal(1, Handcrafted(upload, HandcraftedFeature.SensitivePath));
    }

    [Fact]
    public void Multipart_SvgUploadWithScript_ReadsAsScript()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.domain)\"><circle r=\"4\"/></svg>";
        var upload = Extract(Multipart(("avatar", "me.svg", "image/svg+xml", svg)), MultipartType);
        Assert.Equal(1, Handcrafted(upload, HandcraftedFeature.EventHandler));
    }

    [Fact]
    public void Multipart_MarkupSentAsAnImage_ReadsAsMarkup()
    {
        const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href=\"javascript:alert(1)\"><rect/></a></svg>";
        var disguised = Extract(Multipart(("file", "image.svg.png", "image/png", svg)), MultipartType);
        Assert.Equal(1, Handcrafted(disguised, HandcraftedFeature.ScriptScheme));
        var png = Extract(Multipart(("file", "image.png", "image/png", "\u0089PNG <svg onload=alert(1)>")), MultipartType);
        Assert.Equal(0, Handcrafted(png, HandcraftedFeature.ScriptScheme));
        Assert.Equal(0, Handcrafted(png, HandcraftedFeature.EventHandler));
    }

    [Fact]
    public void Multipart_WithoutItsBoundary_IsReadAsText()
    {
        var body = "no parts here ' or 1=1";
        Assert.Equal(Extract(body, "text/plain"), Extract(body, "multipart/form-data; boundary=zzz"));
    }

    [Fact]
    public void Xml_TextAndAttributes_AreValuesAndMarkupIsNot()
    {
        var xml = Extract("<?xml version=\"1.0\"?><order id=\"42\"><note>Leave it by the door</note></order>", "application/xml");
        var form = Extract("order=&id=42&note=Leave+it+by+the+door", Form);
        Assert.Equal(Values(form), Values(xml));
        Assert.Equal(0, Handcrafted(xml, HandcraftedFeature.AngleOpen));
    }

    [Fact]
    public void Xml_EscapedPayloadInText_IsResolvedAsTheParserDoes()
    {
        var xml = Extract("<comment>&lt;script&gt;alert(1)&lt;/script&gt;</comment>", "text/xml");
        Assert.Equal(1, Handcrafted(xml, HandcraftedFeature.ScriptTag));
        var sqli = Extract("<search><q>x&apos; UNION SELECT password FROM users--</q></search>", "application/soap+xml; charset=utf-8");
        Assert.Equal(1, Handcrafted(sqli, HandcraftedFeature.SqlSelectClause));
    }

    [Fact]
    public void Xml_EntityDeclaration_StaysVisible()
    {
        var xxe = Extract("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>", "application/xml");
        Assert.Equal(1, Handcrafted(xxe, HandcraftedFeature.XmlEntity));
        Assert.Equal(1, Handcrafted(xxe, HandcraftedFeature.SensitivePath));
    }

    [Fact]
    public void Xml_FeedWithEscapedHtml_HasNoScriptOrHandler()
    {
        var rss = Extract("<rss version=\"2.0\"><channel><item><title>Can't log in?</title><description>&lt;p&gt;Try &lt;strong&gt;again&lt;/strong&gt;&lt;/p&gt;</description></item></channel></rss>", "application/rss+xml");
        Assert.Equal(0, Handcrafted(rss, HandcraftedFeature.ScriptTag));
        Assert.Equal(0, Handcrafted(rss, HandcraftedFeature.EventHandler));
    }

    [Theory]
    [InlineData("/downloads/site-export.tar.gz")]
    [InlineData("/files/photos.7z")]
    [InlineData("/releases/app-1.2.zip")]
    public void ArchiveDownload_IsNotABackupFile(string path)
    {
        var features = new float[_extractor.FeatureCount];
        _extractor.Extract(new RequestContent("GET", path, ReadOnlyMemory<byte>.Empty, null), features);
        Assert.Equal(0, Handcrafted(features, HandcraftedFeature.SuspiciousExtension));
    }

    [Theory]
    [InlineData("/index.php.bak")]
    [InlineData("/config.php~")]
    [InlineData("/.env")]
    public void BackupCopy_IsStillFlagged(string path)
    {
        var features = new float[_extractor.FeatureCount];
        _extractor.Extract(new RequestContent("GET", path, ReadOnlyMemory<byte>.Empty, null), features);
        Assert.Equal(1, Handcrafted(features, HandcraftedFeature.SuspiciousExtension));
    }

    [Fact]
    public void HostileXml_UnterminatedEverything_DoesNotThrow()
    {
        foreach (var body in new[] { "<", "<!", "<![CDATA[", "<!--", "<a b=\"", "<a b='x' c", "&#99999999;&#x;", "<!DOCTYPE [", new string('<', 5000) })
        {
            Extract(body, "application/xml");
        }
    }

    [Fact]
    public void HostileMultipart_DoesNotThrow()
    {
        foreach (var body in new[] { "--" + Boundary, "--" + Boundary + "\r\n", "--" + Boundary + "\r\nContent-Disposition: form-data; name=\"", "--" + Boundary + "\r\n\r\n\r\n--" + Boundary })
        {
            Extract(body, MultipartType);
        }
    }
}
