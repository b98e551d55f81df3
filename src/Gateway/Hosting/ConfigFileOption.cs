namespace Gateway.Hosting;

/// <summary>
/// <c>--config FILE</c> (or <c>Gateway:ConfigFile</c>) layers one more JSON file over appsettings,
/// e.g. one of the examples in <c>config/</c>. Environment variables and the command line still win.
/// </summary>
internal static class ConfigFileOption
{
    public static void Apply(ConfigurationManager configuration, string[] args)
    {
        var file = configuration["config"] ?? configuration["Gateway:ConfigFile"];
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--config names '{file}', which does not exist (looked at {path})", path);
        }
        configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        // Re-added so that they keep precedence over the file just layered on top.
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }
}
