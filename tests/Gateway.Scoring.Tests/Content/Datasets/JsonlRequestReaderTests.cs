using System.Text;
using Gateway.Scoring.Content.Datasets;

namespace Gateway.Scoring.Tests.Content.Datasets;

public sealed class JsonlRequestReaderTests
{
    [Fact]
    public void Read_ValidLines_BuildTargetsBodiesAndLabels()
    {
        var result = Read(
            """
            {"method":"POST","path":"/login","query":"?next=%2F","headers":{"content-type":"application/x-www-form-urlencoded","Cookie":"a=b"},"body":"user=ana&pw=x'","label":1}

            {"path":"/","label":"normal"}
            """);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Requests.Count);
        var first = result.Requests[0];
        Assert.Equal("/login?next=%2F", first.Target);
        Assert.Equal("application/x-www-form-urlencoded", first.ContentType);
        Assert.Equal("user=ana&pw=x'", Encoding.UTF8.GetString(first.Body));
        Assert.True(first.IsAttack);
        Assert.Equal(1, first.Line);
        Assert.Equal("GET", result.Requests[1].Method);
        Assert.False(result.Requests[1].IsAttack);
        Assert.Equal(3, result.Requests[1].Line);
    }

    [Fact]
    public void Read_BadLines_AreReportedByNumberAndSkipped()
    {
        var result = Read(
            """
            {"path":"/a","label":0}
            not json
            {"label":1}
            {"path":"/b","label":"maybe"}
            [1,2]
            {"path":"/c","label":true}
            """);
        Assert.Equal(["/a", "/c"], result.Requests.Select(r => r.Path));
        Assert.Equal(4, result.Errors.Count);
        Assert.StartsWith("data.jsonl:2: invalid JSON", result.Errors[0]);
        Assert.Equal("data.jsonl:3: missing string field 'path'", result.Errors[1]);
        Assert.StartsWith("data.jsonl:4: missing or unrecognised 'label'", result.Errors[2]);
        Assert.Equal("data.jsonl:5: expected a JSON object", result.Errors[3]);
    }

    [Fact]
    public void Read_NonAsciiBody_IsUtf8()
    {
        var result = Read("{\"path\":\"/a\",\"body\":\"jamón\",\"label\":0}");
        Assert.Equal("jamón", Encoding.UTF8.GetString(Assert.Single(result.Requests).Body));
    }

    private static DatasetReadResult<JsonlRequest> Read(string text) =>
        JsonlRequestReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "data.jsonl");
}
