namespace Gateway.LoadTests.SideBySide;

/// <summary>How to start a .NET assembly of this build folder as its own process.</summary>
internal static class DotnetHost
{
    /// <summary>The <c>dotnet</c> host: the one the SDK named, the one running us, or the one on PATH.</summary>
    public static string Executable()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } named && File.Exists(named))
        {
            return named;
        }
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        return "dotnet";
    }

    /// <summary>Arguments that run <paramref name="assemblyFile"/> (in this build folder) with its own runtimeconfig.</summary>
    public static List<string> ExecArguments(string assemblyFile)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyFile);
        if (!File.Exists(path))
        {
            throw new LoadTestException($"{path} is missing; build the load-test project (it builds the gateway beside it)");
        }
        return ["exec", path];
    }
}
