namespace Gateway.Scoring.Configuration;

/// <summary>
/// Resolves file paths from configuration: absolute paths as given; relative paths against the
/// content root first (what an operator expects), then the binary's folder (where the bundled
/// model, lists and databases are copied by the build).
/// </summary>
public sealed class AssetPaths(string contentRoot)
{
    public string Resolve(string configuredPath)
    {
        if (Path.IsPathRooted(configuredPath))
        {
            return configuredPath;
        }
        var fromContentRoot = Path.GetFullPath(Path.Combine(contentRoot, configuredPath));
        if (File.Exists(fromContentRoot))
        {
            return fromContentRoot;
        }
        var fromBinary = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configuredPath));
        return File.Exists(fromBinary) ? fromBinary : fromContentRoot;
    }
}
