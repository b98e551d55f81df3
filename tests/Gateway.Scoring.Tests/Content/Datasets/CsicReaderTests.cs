using System.Text;
using Gateway.Scoring.Content.Datasets;

namespace Gateway.Scoring.Tests.Content.Datasets;

public sealed class CsicReaderTests
{
    private const string Headers =
        "User-Agent: Mozilla/5.0\r\nHost: localhost:8080\r\nCookie: JSESSIONID=1\r\nConnection: close\r\n";

    [Fact]
    public void Read_MixedLineEndings_SplitsOnRequestLinesNotBlankLines()
    {
        var text =
            "GET http://localhost:8080/a?x=1 HTTP/1.1\r\n" + Headers + "\r\n\r\n" +
            "POST http://localhost:8080/b HTTP/1.1\r\n" + Headers +
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\n" +
            "x=1&y=2\n\n" +
            "GET http://localhost:8080/c HTTP/1.1\r\n" + Headers + "\r\n\r\n";
        var result = Read(text);
        Assert.Empty(result.Errors);
        Assert.Equal(["/a?x=1", "/b", "/c"], result.Requests.Select(r => r.Target));
        Assert.Equal("x=1&y=2", Encoding.ASCII.GetString(result.Requests[1].Body));
        Assert.Equal([1, 8, 18], result.Requests.Select(r => r.Line));
        Assert.Equal("JSESSIONID=1", result.Requests[0].Header("cookie"));
    }

    [Fact]
    public void Read_BodyLongerThanContentLength_IsReportedWithFileAndLine()
    {
        var text =
            "POST http://localhost:8080/b HTTP/1.1\r\n" + Headers + "Content-Length: 3\r\n\r\n" + "x=12345\r\n\r\n" +
            "GET http://localhost:8080/c HTTP/1.1\r\n" + Headers + "\r\n\r\n";
        var result = Read(text);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("test.txt:1: unexpected content after the body", error);
        Assert.Equal("/c", Assert.Single(result.Requests).Target);
    }

    [Fact]
    public void Read_ContentLengthBeyondTheData_IsReported()
    {
        var result = Read("POST http://localhost:8080/b HTTP/1.1\r\n" + Headers + "Content-Length: 99\r\n\r\nx=1\r\n");
        Assert.Contains("test.txt:1: Content-Length '99'", Assert.Single(result.Errors));
        Assert.Empty(result.Requests);
    }

    [Fact]
    public void Read_JunkBeforeTheFirstRequestAndBadHeaders_AreReportedAndTheRestIsRead()
    {
        var text = "hello\r\nGET http://localhost:8080/a HTTP/1.1\r\nno colon here\r\n" + Headers + "\r\n\r\n";
        var result = Read(text);
        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("test.txt:1: expected a request line", result.Errors[0]);
        Assert.StartsWith("test.txt:3: malformed header line", result.Errors[1]);
        Assert.Single(result.Requests);
    }

    [Fact]
    public void Read_LastRequestWithoutBlankLine_IsReported()
    {
        var result = Read("GET http://localhost:8080/a HTTP/1.1\r\n" + Headers);
        Assert.Equal("test.txt:1: request has no blank line after its headers", Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("GET http://localhost:8080/a HTTP/1.0")]
    [InlineData("DELETE http://localhost:8080/a HTTP/1.1")]
    [InlineData("GET http://localhost:8080/a b HTTP/1.1")]
    [InlineData("GET  HTTP/1.1")]
    public void Read_LinesThatAreNotCsicRequestLines_AreNotRequests(string line)
    {
        var result = Read(line + "\r\n");
        Assert.Empty(result.Requests);
        Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("http://localhost:8080/a?b=1", "localhost:8080", "/a?b=1")]
    [InlineData("http://localhost:8080.BAK", "localhost:8080", "/.BAK")]
    [InlineData("http://localhost:8080~", "localhost:8080", "/~")]
    [InlineData("http://localhost:8080http://localhost:9090/x", "localhost:8080", "/http://localhost:9090/x")]
    [InlineData("http://localhost:8080?a", "localhost:8080", "/?a")]
    [InlineData("http://localhost:8080", "localhost:8080", "/")]
    [InlineData("http://other:1/p", "localhost:8080", "/p")]
    [InlineData("/already", null, "/already")]
    public void ToOriginForm_DropsSchemeAndHost(string uri, string? host, string expected)
    {
        Assert.Equal(expected, CsicReader.ToOriginForm(uri, host));
    }

    private static DatasetReadResult<CsicRequest> Read(string text) =>
        CsicReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(text)), "test.txt");
}
