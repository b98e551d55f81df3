using System.Text;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

/// <summary>
/// A GraphQL document is read as its server reads it (content-v4): its string literals are values,
/// its schema names and punctuation are not content, and text that is not GraphQL is read as before.
/// </summary>
public sealed class GraphQlBodyTests
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private readonly ContentFeatureExtractor _extractor = new();

    private float[] Extract(string body, string? contentType, string target = "/graphql", string method = "POST")
    {
        var features = new float[_extractor.FeatureCount];
        _extractor.Extract(new RequestContent(method, target, Encoding.UTF8.GetBytes(body), contentType), features);
        return features;
    }

    private static float Handcrafted(float[] features, int index) => features[ContentFeatureLayout.HandcraftedOffset + index];

    private static float[] Values(float[] features) => features.AsSpan(ContentFeatureLayout.ValueOffset, ContentFeatureLayout.ValueBuckets).ToArray();

    private static string Request(string document, string variables = "{}") =>
        "{\"query\":\"" + document.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\",\"variables\":" + variables + "}";

    [Fact]
    public void OperationNamedLikeACodeCall_IsNotACall()
    {
        var features = Extract(Request("mutation Import($url: String!, $format: String) { importFromUrl(url: $url, format: $format) { jobId } }"), Json);
        Assert.Equal(0, Handcrafted(features, HandcraftedFeature.CodeCall));
        Assert.Equal(0, Handcrafted(features, HandcraftedFeature.Parenthesis));
        Assert.Equal(0, Handcrafted(features, HandcraftedFeature.Brace));
        Assert.All(Values(features), v => Assert.Equal(0, v));
    }

    [Fact]
    public void InlineStringArgument_IsReadAsAValue()
    {
        var graphQl = Extract(Request("{ search(text: \"1' or '1'='1\") { id } }"), Json);
        var form = Extract("text=1%27+or+%271%27%3D%271", Form, "/search");
        Assert.Equal(Values(form), Values(graphQl));
        Assert.Equal(1, Handcrafted(graphQl, HandcraftedFeature.SqlQuoteLogic));
    }

    [Fact]
    public void EscapedLiteral_IsUnescapedLikeTheServerWould()
    {
        var features = Extract(Request("{ post(body: \"<script>alert(1)</script>\\u0022\") { id } }"), Json);
        Assert.Equal(1, Handcrafted(features, HandcraftedFeature.ScriptTag));
        Assert.True(Handcrafted(features, HandcraftedFeature.DoubleQuote) > 0);
    }

    [Fact]
    public void BlockString_IsReadAsAValue()
    {
        var features = Extract(Request("mutation { note(text: \"\"\"see {{7*7}}\"\"\") { id } }"), Json);
        Assert.Equal(1, Handcrafted(features, HandcraftedFeature.TemplateExpression));
    }

    [Fact]
    public void Variables_AreStillValues()
    {
        var features = Extract(Request("query Q($q: String) { search(q: $q) { id } }", "{\"q\":\"../../etc/passwd\"}"), Json);
        Assert.Equal(1, Handcrafted(features, HandcraftedFeature.SensitivePath));
    }

    [Fact]
    public void TextOutsideGraphQlGrammar_IsReadWhole()
    {
        // A ';' or a quote-less apostrophe cannot occur in a GraphQL document: the whole string is content.
        var features = Extract(Request("{ user(id: 1) { name } }; drop table users"), Json);
        Assert.Equal(1, Handcrafted(features, HandcraftedFeature.SqlStacked));
        Assert.Contains(Values(features), v => v > 0);
    }

    [Fact]
    public void UnterminatedLiteral_IsReadWhole()
    {
        var features = Extract(Request("{ search(text: \"abc) { id } }"), Json);
        Assert.Contains(Values(features), v => v > 0);
        Assert.True(Handcrafted(features, HandcraftedFeature.Brace) > 0);
    }

    [Fact]
    public void QueryKeyThatIsNotADocument_IsAnOrdinaryValue()
    {
        var search = Extract("{\"query\":\"cheap flights to rome\"}", Json, "/api/search");
        var form = Extract("query=cheap+flights+to+rome", Form, "/api/search");
        Assert.Equal(Values(form), Values(search));
    }

    [Fact]
    public void GetRequestDocument_IsReadOnce()
    {
        var document = Uri.EscapeDataString("{ search(text: \"100%25 cotton\") { id } }");
        var get = Extract("", null, "/graphql?query=" + document, "GET");
        var form = Extract("text=100%25+cotton", Form, "/search");
        Assert.Equal(Values(form), Values(get));
    }

    [Fact]
    public void ApplicationGraphQlBody_IsReadAsADocument()
    {
        var features = Extract("query { search(text: \"<svg onload=alert(1)>\") { id } }", "application/graphql");
        Assert.Equal(1, Handcrafted(features, HandcraftedFeature.EventHandler));
        Assert.Equal(0, Handcrafted(features, HandcraftedFeature.Brace));
    }

    [Fact]
    public void CommentsAreNotContent()
    {
        var features = Extract(Request("# list orders\n{ orders { id } }"), Json);
        Assert.All(Values(features), v => Assert.Equal(0, v));
    }
}
