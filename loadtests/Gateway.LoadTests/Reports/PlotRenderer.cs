using System.Diagnostics;

namespace Gateway.LoadTests.Reports;

/// <summary>
/// Draws latency over time with the committed <c>plot_timeline.py</c> (matplotlib). A machine
/// without Python or matplotlib gets a message saying so, and the other reports are unaffected.
/// </summary>
internal static class PlotRenderer
{
    public const string DefaultPython = "/usr/bin/python3";
    public const string ScriptName = "plot_timeline.py";
    private const int MatplotlibMissing = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <returns>A line for the console: where the picture went, or why there is none.</returns>
    public static string Render(string python, string timelineCsv, string png, string title)
    {
        var script = Path.Combine(AppContext.BaseDirectory, ScriptName);
        if (!File.Exists(script))
        {
            return $"skipped {Path.GetFileName(png)}: {script} is missing";
        }
        if (!File.Exists(python))
        {
            return $"skipped {Path.GetFileName(png)}: {python} not found (pass --python PATH, or install python3 with matplotlib)";
        }
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { script, timelineCsv, png, title },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start);
        if (process is null)
        {
            return $"skipped {Path.GetFileName(png)}: {python} did not start";
        }
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return $"skipped {Path.GetFileName(png)}: the plot script ran longer than {Timeout.TotalSeconds:0} s";
        }
        return process.ExitCode switch
        {
            0 => $"wrote {png}",
            MatplotlibMissing => $"skipped {Path.GetFileName(png)}: matplotlib is not installed for {python} ({stderr.Result.Trim()})",
            _ => $"skipped {Path.GetFileName(png)}: the plot script failed ({process.ExitCode}): {stderr.Result.Trim()}",
        };
    }
}
