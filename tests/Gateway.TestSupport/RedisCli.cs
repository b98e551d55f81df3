using System.Diagnostics;
using System.Globalization;

namespace Gateway.TestSupport;

/// <summary>Runs <c>redis-cli</c> for cluster administration (create, CLUSTER INFO / NODES).</summary>
internal static class RedisCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <param name="port">Node to talk to; null for <c>--cluster</c> commands, which name their nodes.</param>
    /// <returns>Standard output.</returns>
    /// <exception cref="InvalidOperationException">redis-cli failed or timed out; the message carries its output.</exception>
    public static string Run(int? port, params string[] arguments)
    {
        var (exitCode, output, error) = Execute(port, arguments);
        // redis-cli prints an error reply and may still exit 0 when its output is not a terminal.
        if (exitCode != 0 || output.Contains("[ERR]", StringComparison.Ordinal)
            || output.StartsWith("ERR", StringComparison.Ordinal) || output.StartsWith("(error)", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"redis-cli {string.Join(' ', arguments)} failed ({exitCode}):{Environment.NewLine}{output}{error}");
        }
        return output;
    }

    /// <returns>Standard output, or null when the node did not answer.</returns>
    public static string? TryRun(int port, params string[] arguments)
    {
        var (exitCode, output, _) = Execute(port, arguments);
        return exitCode == 0 ? output : null;
    }

    private static (int ExitCode, string Output, string Error) Execute(int? port, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(RedisTools.Find("redis-cli"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (port is { } p)
        {
            startInfo.ArgumentList.Add("-h");
            startInfo.ArgumentList.Add("127.0.0.1");
            startInfo.ArgumentList.Add("-p");
            startInfo.ArgumentList.Add(p.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("redis-cli did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"redis-cli {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s");
        }
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
