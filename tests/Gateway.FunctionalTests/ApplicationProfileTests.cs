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

    /// <summary>A review form whose texts are full of apostrophes, dashes and SQL-ish words.</summary>
    private string LearnReviewProfile()
    {
        var learner = new AppProfileLearner();
        string[] words = ["it's", "the", "best", "select", "blend", "--", "union", "of", "o'brien's", "tea", "order", "by", "taste", "drop"];
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ => words[random.Next(words.Length)]));
            learner.Add(new RequestContent("GET", $"/shop/review?item={i}&text={Uri.EscapeDataString(text)}", ReadOnlyMemory<byte>.Empty, null));
        }
        var path = Path.Combine(_directory, "reviews.json");
        AppProfileFile.Write(learner.Build("reviews", 20), path, "test", 200);
        return path;
    }

    private static async Task<double> ScoreAsync(GatewayInstance gateway, string target)
    {
        using var response = await gateway.Client.GetAsync(target);
        var header = string.Join(";", response.Headers.GetValues("X-Protection-Decision"));
        var score = header.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("score=", StringComparison.Ordinal));
        return double.Parse(score["score=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task RequestTheProfileVouchesFor_HasItsContentScoreDiscounted_OneThatStraysDoesNot()
    {
        // The model finds a stray quote before "--" suspicious (about 0.25); this form's reviews are full of them.
        const string conforming = "/shop/review?item=12&text=it%27s+the+best%27+--+drop+blend";
        const string straying = "/shop/review?item=12&text=it%27s+the+best%27+--+drop+blend%3B";
        var profile = LearnReviewProfile();
        await using var upstream = await TestUpstream.StartAsync();
        (string Key, string Value)[] settings =
        [
            ("Protection:DecisionHeader", "true"),
            ("Protection:Profiles:reviews:Path", profile),
            ("Protection:Policies:default:Profile", "reviews"),
            // Content probability and risk on one scale, so the header's score is the content model's.
            ("Protection:Policies:default:ContentChallengeAt", "0.5"),
            ("Protection:Policies:default:ContentBlockAt", "0.85"),
            ("Protection:Policies:default:BudgetMilliseconds", "2000"),
        ];
        double plain, plainStraying;
        await using (var gateway = await GatewayInstance.StartAsync(upstream.Address, [.. settings, ("Protection:Profiles:reviews:ConformingContentDiscount", "0")]))
        {
            plain = await ScoreAsync(gateway, conforming);
            plainStraying = await ScoreAsync(gateway, straying);
        }
        await using (var gateway = await GatewayInstance.StartAsync(upstream.Address, settings))
        {
            Assert.True(plain > 0.05, $"the model scored the review {plain}; pick a text it finds suspicious");
            var discounted = await ScoreAsync(gateway, conforming);
            var defaultDiscount = new Scoring.Profile.AppProfileOptions().ConformingContentDiscount;
            // The header prints three decimals, so both figures carry up to 0.0005 of rounding.
            Assert.Equal(Scoring.Decision.ContentRisk.Discounted(plain, defaultDiscount), discounted, tolerance: 0.0015);
            Assert.True(discounted < plain);
            // A ';' the field never held: the profile has a finding, and the content counts in full beside it.
            Assert.Equal(plainStraying, await ScoreAsync(gateway, straying), precision: 3);
        }
    }

    [Fact]
    public async Task NegativeConformingContentDiscount_StopsStartupNamingTheKey()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var failure = await Assert.ThrowsAsync<ProtectionConfigurationException>(() => GatewayInstance.StartAsync(upstream.Address,
            ("Protection:Profiles:shop:Path", LearnShopProfile()),
            ("Protection:Profiles:shop:ConformingContentDiscount", "-1")));
        Assert.Contains("Protection:Profiles:shop:ConformingContentDiscount", failure.Message);
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
