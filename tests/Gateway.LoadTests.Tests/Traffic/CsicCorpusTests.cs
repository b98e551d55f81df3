using System.IO.Compression;
using System.Text;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Traffic;

public sealed class CsicCorpusTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("csic-corpus-").FullName;

    [Fact]
    public void Benign_ReadsPathQueryAndBodyOfEachRequest()
    {
        WriteGzip(CsicCorpus.BenignFile,
            "GET http://localhost:8080/tienda1/index.jsp?a=Jam\u00f3n HTTP/1.1\r\nHost: localhost:8080\r\n\r\n\r\n"
            + "POST http://localhost:8080/tienda1/publico/anadir.jsp HTTP/1.1\r\nHost: localhost:8080\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nid=2&b=\r\n");

        var items = new CsicCorpus(_directory).Benign;

        Assert.Equal(2, items.Count);
        Assert.Equal(new ReplayItem("GET", "/tienda1/index.jsp?a=Jam%F3n", null, null), items[0]);
        Assert.Equal("POST", items[1].Method);
        Assert.Equal("/tienda1/publico/anadir.jsp", items[1].Target);
        Assert.Equal("id=2&b=", Encoding.ASCII.GetString(items[1].Body!));
        Assert.Equal("application/x-www-form-urlencoded", items[1].ContentType);
    }

    [Fact]
    public void Attacks_MissingFile_NamesThePathAndTheOption()
    {
        var error = Assert.Throws<LoadTestException>(() => new CsicCorpus(_directory).Attacks);

        Assert.Contains(Path.Combine(_directory, CsicCorpus.AttackFile), error.Message);
        Assert.Contains("--data", error.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void WriteGzip(string name, string latin1)
    {
        using var file = File.Create(Path.Combine(_directory, name));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.Latin1.GetBytes(latin1));
    }
}
