using System.Text;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Content;
using Gateway.Scoring.Profile;

namespace Gateway.Scoring.Tests.Profile;

public sealed class AppProfileFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("profile-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static AppProfile Learned()
    {
        var learner = new AppProfileLearner();
        for (var i = 0; i < 50; i++)
        {
            learner.Add(new RequestContent("GET", $"/app/item?id={i}&view=full", ReadOnlyMemory<byte>.Empty, null));
            learner.Add(new RequestContent("POST", "/app/login", Encoding.UTF8.GetBytes($"user=u{i}&remember=on"), "application/x-www-form-urlencoded"));
            learner.Add(new RequestContent("GET", $"/app/invite?email={new string('x', 1 + i % 7)}{i}%40{new string('m', 1 + i % 5)}.example", ReadOnlyMemory<byte>.Empty, null));
        }
        return learner.Build("app", 20);
    }

    [Fact]
    public void WriteThenLoad_GivesAProfileThatJudgesTheSame()
    {
        var path = Path.Combine(_directory, "app.json");
        var original = Learned();
        AppProfileFile.Write(original, path, "test", 100);
        var errors = new ConfigurationErrors();
        var loaded = AppProfileFile.Load(path, errors, "Protection:Profiles:app:Path");
        Assert.Empty(errors.Errors);
        Assert.NotNull(loaded);
        Assert.Equal(original.Paths["/app/invite"].Fields["email"].Singular, loaded.Paths["/app/invite"].Fields["email"].Singular);
        Assert.False(loaded.Paths["/app/invite"].Fields["email"].Singular.IsEmpty);
        string[] targets = ["/app/item?id=3&view=full", "/app/item?id=3&view=raw", "/app/item?id=3%27&view=full", "/app/item?id=1&x=1", "/app/other", "/elsewhere?a=%27",
            "/app/invite?email=jo%40mail.example", "/app/invite?email=jo%40x%40mail.example"];
        foreach (var target in targets)
        {
            var request = new RequestContent("GET", target, ReadOnlyMemory<byte>.Empty, null);
            Assert.Equal(original.Check(request), loaded.Check(request));
        }
    }

    /// <summary>A file as the learner wrote it before quantities lost their formats: a price seen with 1, 3 and 4 digits.</summary>
    [Theory]
    [InlineData("price=79", null)]
    [InlineData("price=7a", ProfileReasons.UnexpectedCharacter)]
    public void Load_FileWithFormatsOfAQuantity_ChecksItsCharactersNotItsLength(string query, string? reason)
    {
        var path = Path.Combine(_directory, "older.json");
        File.WriteAllText(path, """
            {"format": "app-profile-v1", "min_observations": 5, "prefixes": ["/pay"], "paths": {"/pay": {"observations": 90, "methods": ["GET"],
              "fields": {"price": {"observations": 90, "classes": "0000000000000002", "max_length": 4, "shapes": ["a"], "formats": ["91", "93", "94"]}}}}}
            """);
        var errors = new ConfigurationErrors();
        var loaded = AppProfileFile.Load(path, errors, "Protection:Profiles:pay:Path");
        Assert.Empty(errors.Errors);
        Assert.Equal(reason, loaded!.Check(new RequestContent("GET", "/pay?" + query, ReadOnlyMemory<byte>.Empty, null)).Reason);
    }

    [Theory]
    [InlineData("not json at all", "not a valid profile")]
    [InlineData("""{"format": "something-else"}""", "expected 'app-profile-v1'")]
    [InlineData("""{"format": "app-profile-v1", "min_observations": 0, "paths": {}}""", "min_observations")]
    [InlineData("""{"format": "app-profile-v1", "min_observations": 5, "paths": {"/a": {"observations": 9, "methods": ["GET"], "fields": {"x": {"observations": 9, "classes": "zz", "max_length": 1}}}}}""", "hex classes")]
    [InlineData("""{"format": "app-profile-v1", "min_observations": 5, "paths": {"no-slash": {"observations": 9, "methods": ["GET"]}}}""", "leading '/'")]
    public void Load_CorruptFile_IsReportedWithFileAndKeyAndNotLoaded(string content, string expected)
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, content);
        var errors = new ConfigurationErrors();
        Assert.Null(AppProfileFile.Load(path, errors, "Protection:Profiles:shop:Path"));
        var error = Assert.Single(errors.Errors);
        Assert.Contains("Protection:Profiles:shop:Path", error);
        Assert.Contains(path, error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Load_MissingFile_IsReported()
    {
        var errors = new ConfigurationErrors();
        Assert.Null(AppProfileFile.Load(Path.Combine(_directory, "absent.json"), errors, "k"));
        Assert.Single(errors.Errors);
    }
}
