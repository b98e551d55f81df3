using System.Globalization;

namespace Gateway.LoadTests.SideBySide;

/// <summary>
/// CPU time a process has used (user + system, from <c>/proc/PID/stat</c>, in clock ticks of
/// 10 ms). The gateway's CPU per request is the side-by-side figure that survives a busy
/// machine: throughput and latency move with whatever else runs, the work per request does not.
/// </summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Seconds of CPU used so far; null when unreadable (not Linux, process gone).</summary>
    public static double? Seconds(int processId)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>utime + stime of a <c>/proc/PID/stat</c> line, in seconds. The name (field 2) may hold spaces and parentheses, so fields are counted after its last ')'.</summary>
    internal static double? Parse(string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system))
        {
            return null;
        }
        return (user + system) / TicksPerSecond;
    }
}
