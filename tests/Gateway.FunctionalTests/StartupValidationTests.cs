using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Configuration;

namespace Gateway.FunctionalTests;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task BadConfiguration_StopsStartup_ListingEveryProblemWithItsKeyAndFile()
    {
        var ex = await Assert.ThrowsAsync<ProtectionConfigurationException>(() => GatewayInstance.StartAsync("http://127.0.0.1:9",
            ("Protection:Policies:default:BlockThreshold", "0.2"),
            ("Protection:Reputation:Lists:0:Path", "assets/reputation/does-not-exist.netset"),
            ("Protection:Model:Path", "assets/model/missing.onnx"),
            ("ReverseProxy:Routes:app:Metadata:ProtectionPolicy", "no-such-policy")));

        Assert.Contains(ex.Errors, e => e.Contains("Protection:Policies:default:BlockThreshold"));
        Assert.Contains(ex.Errors, e => e.Contains("Protection:Reputation:Lists:0:Path") && e.Contains("does-not-exist.netset"));
        Assert.Contains(ex.Errors, e => e.Contains("Protection:Model:Path") && e.Contains("missing.onnx"));
        Assert.Contains(ex.Errors, e => e.Contains("ReverseProxy:Routes:app:Metadata:ProtectionPolicy") && e.Contains("no-such-policy"));
    }

    [Fact]
    public async Task OptionalSignalThatFailsToLoad_IsSwitchedOff_AndReadinessSaysSo()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await GatewayInstance.StartAsync(upstream.Address,
            ("Protection:Geo:Optional", "true"),
            ("Protection:Geo:CountryDatabases:0", "assets/geoip/missing.mmdb"));

        using var ready = await gateway.Client.GetAsync("/readyz");
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"geo\":{\"state\":\"off\"", body);
        using var response = await gateway.Client.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
