namespace Gateway.Hosting;

/// <summary>
/// <c>Gateway:Upstream</c> (env <c>Gateway__Upstream</c>) is the one-line way to put the gateway in
/// front of an app: it points the default cluster (<c>app</c>) at that address and turns the demo
/// upstream off.
/// </summary>
internal static class UpstreamOverride
{
    public const string DefaultClusterDestinationKey = "ReverseProxy:Clusters:app:Destinations:upstream:Address";

    /// <returns>The configured upstream, or null when the bundled demo upstream is used.</returns>
    public static string? Apply(ConfigurationManager configuration)
    {
        var upstream = configuration["Gateway:Upstream"];
        if (string.IsNullOrWhiteSpace(upstream))
        {
            return null;
        }
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(DefaultClusterDestinationKey, upstream.Trim())]);
        return upstream.Trim();
    }
}
