using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Content;
using Gateway.Scoring.Profile;

namespace Gateway.FunctionalTests;

/// <summary>A policy with an application profile, on a real gateway: requests like the learned ones pass,
/// a parameter the application never received is challenged, and a broken profile stops startup.</summary>
public sealed class ApplicationProfileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gateway-profile").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string LearnShopProfile()
    {
        var learner = new AppProfileLearner();
        for (var i = 0; i < 100; i++)
        {
            learner.Add(new RequestContent("GET", $"/shop/item?id={i}&view={(i % 2 == 0 ? "full" : "short")}", ReadOnlyMemory<byte>.Empty, null));
        }
        var path = Path.Combine(_directory, "shop.json");
        AppProfileFile.Write(learner.Build("shop", 20), path, "test", 100);
        return path;
    }

    [Fact]
    public async Task ProfiledRoute_PassesLearnedRequests_AndChallengesAnUnknownParameter()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("Protection:DecisionHeader", "true"),
            ("Protection:Profiles:shop:Path", LearnShopProfile()),
            ("Protection:Policies:default:Profile", "shop"),
            ("Protection:Policies:default:BudgetMilliseconds", "2000"));

        using var learned = await gateway.Client.GetAsync("/shop/item?id=7&view=full");
        Assert.Equal(HttpStatusCode.OK, learned.StatusCode);

        using var unknown = await gateway.Client.GetAsync("/shop/item?id=7&view=full&debug=true");
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        Assert.Contains(ProfileReasons.UnknownParameter, string.Join(";", unknown.Headers.GetValues("X-Protection-Decision")));

        // Another application's paths are not the profile's business.
        using var elsewhere = await gateway.Client.GetAsync("/blog/post?slug=hello&debug=true");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task PolicyNamingAMissingProfile_OrACorruptFile_StopsStartupNamingTheKeys()
    {
        var corrupt = Path.Combine(_directory, "corrupt.json");
        await File.WriteAllTextAsync(corrupt, "{ not json");
        await using var upstream = await TestUpstream.StartAsync();
        var failure = await Assert.ThrowsAsync<ProtectionConfigurationException>(() => GatewayInstance.StartAsync(upstream.Address,
            ("Protection:Profiles:broken:Path", corrupt),
            ("Protection:Policies:default:Profile", "absent")));
        Assert.Contains("Protection:Profiles:broken:Path", failure.Message);
        Assert.Contains("Protection:Policies:default:Profile", failure.Message);
    }
}
