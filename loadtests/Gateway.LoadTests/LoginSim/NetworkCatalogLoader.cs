using Gateway.Scoring.Configuration;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Reputation;
using Microsoft.Extensions.Configuration;

namespace Gateway.LoadTests.LoginSim;

/// <summary>Loads the gateway's bundled GeoIP databases and blocklists, as its appsettings.json names them.</summary>
internal static class NetworkCatalogLoader
{
    public static NetworkCatalog Load(LoginSimSettings settings)
    {
        var root = AppContext.BaseDirectory;
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false).Build();
        var options = new ProtectionOptions();
        configuration.GetSection(ProtectionOptions.SectionName).Bind(options);
        var errors = new ConfigurationErrors();
        var paths = new AssetPaths(root);
        var geo = GeoLookup.Load(options.Geo, paths, errors);
        var reputation = ReputationDatabase.Load(options.Reputation, paths, errors);
        if (errors.HasErrors)
        {
            throw new LoadTestException("could not load the bundled GeoIP databases or lists: " + string.Join("; ", errors.Errors));
        }
        return NetworkCatalog.Build(geo, reputation, settings.Seed, settings.NetworkSamples);
    }
}
