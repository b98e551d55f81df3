using System.Net;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.TestSupport;

namespace Gateway.FunctionalTests;

/// <summary>Every example in config/ starts a real gateway and serves benign traffic.</summary>
public sealed class ConfigExamplesTests
{
    [Theory]
    [InlineData("webapp.json")]
    [InlineData("login.json")]
    [InlineData("monitor-only.json")]
    public async Task Example_StartsAndForwardsBenignTraffic(string file)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address, ("config", RepoPaths.InRepo("config", file)));

        using var response = await gateway.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upstream ok", await response.Content.ReadAsStringAsync());
    }
}
