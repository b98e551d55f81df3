using Gateway.Scoring.Content;
using Gateway.Scoring.Content.Datasets;

namespace Gateway.Scoring.Tests.Content.Datasets;

/// <summary>Checks the reader against the counts the dataset's README gives for the real files.</summary>
public sealed class CsicReaderDatasetTests(CsicDataset dataset) : IClassFixture<CsicDataset>
{
    [Theory]
    [InlineData(CsicDataset.NormalTraining, 36_000, 28_000, 8_000, 0)]
    [InlineData(CsicDataset.NormalTest, 36_000, 28_000, 8_000, 0)]
    [InlineData(CsicDataset.Anomalous, 25_065, 15_088, 9_580, 397)]
    public void ReadFile_RealFile_FindsEveryRequestWithoutErrors(string file, int total, int get, int post, int put)
    {
        var result = dataset[file];
        Assert.Empty(result.Errors);
        Assert.Equal(total, result.Requests.Count);
        Assert.Equal(get, result.Requests.Count(r => r.Method == "GET"));
        Assert.Equal(post, result.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(put, result.Requests.Count(r => r.Method == "PUT"));
    }

    [Theory]
    [InlineData(CsicDataset.NormalTraining, 8_000)]
    [InlineData(CsicDataset.NormalTest, 8_000)]
    [InlineData(CsicDataset.Anomalous, 9_977)]
    public void ReadFile_RealFile_BodiesAreExactlyContentLengthAndOnlyOnPostAndPut(string file, int bodies)
    {
        var requests = dataset[file].Requests;
        Assert.Equal(bodies, requests.Count(r => r.Body.Length > 0));
        foreach (var request in requests)
        {
            var declared = request.Header("Content-Length");
            if (request.Method == "GET")
            {
                Assert.Null(declared);
                Assert.Empty(request.Body);
            }
            else
            {
                Assert.Equal(int.Parse(declared!), request.Body.Length);
                Assert.DoesNotContain((byte)'\r', request.Body);
                Assert.DoesNotContain((byte)'\n', request.Body);
                Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
            }
        }
    }

    [Fact]
    public void ReadFile_MalformedAbsoluteUris_BecomeOriginFormTargets()
    {
        var requests = dataset[CsicDataset.Anomalous].Requests;
        var malformed = requests.Where(r => !r.Uri.StartsWith("http://localhost:8080/", StringComparison.Ordinal)).ToList();
        Assert.Equal(231, malformed.Count);
        Assert.All(malformed, r => Assert.Equal("/" + r.Uri["http://localhost:8080".Length..], r.Target));
        Assert.Contains(malformed, r => r.Target == "/.BAK");
    }

    [Theory]
    [InlineData(CsicDataset.NormalTraining)]
    [InlineData(CsicDataset.NormalTest)]
    [InlineData(CsicDataset.Anomalous)]
    public void ReadFile_RealFile_EveryTargetIsOriginFormWithoutTheHost(string file)
    {
        Assert.All(dataset[file].Requests, r =>
        {
            Assert.StartsWith("/", r.Target);
            Assert.DoesNotContain("localhost:8080", r.Target[..Math.Min(r.Target.Length, 22)]);
        });
    }

    [Fact]
    public void Extract_PostBodyAndTheGetQueryItMirrors_GiveTheSameFeatures()
    {
        // README: every normal POST body equals a GET query string of the same file; the gateway must
        // score a payload the same whichever way it arrives, and the cookie never matters.
        var requests = dataset[CsicDataset.NormalTraining].Requests;
        var post = requests.First(r => r.Method == "POST");
        var query = System.Text.Encoding.ASCII.GetString(post.Body);
        var get = requests.First(r => r.Method == "GET" && r.Target == post.Target + "?" + query);
        Assert.NotEqual(get.Header("Cookie"), post.Header("Cookie"));

        var extractor = new ContentFeatureExtractor();
        var fromGet = new float[extractor.FeatureCount];
        var fromPost = new float[extractor.FeatureCount];
        extractor.Extract(get.ToRequestContent(), fromGet);
        extractor.Extract(post.ToRequestContent(), fromPost);
        Assert.Equal(fromGet, fromPost);
    }
}
