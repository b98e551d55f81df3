using System.Reflection;
using System.Runtime.InteropServices;

namespace Gateway.LoadTests.Reports;

/// <summary>What a reader needs to judge the figures: when, on what, and which build.</summary>
internal sealed record RunEnvironment(string StartedUtc, int Processors, string Runtime, string OperatingSystem, string BuildConfiguration)
{
    public bool IsDebugBuild => !string.Equals(BuildConfiguration, "Release", StringComparison.OrdinalIgnoreCase);

    public static RunEnvironment Capture(TimeProvider time) => new(
        time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        typeof(RunEnvironment).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown");
}
