using System.Buffers;
using System.Text;
using Gateway.Scoring.Addressing;
using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Reputation;

/// <summary>
/// Reads one list file into key ranges. Bounded: the file size and the line length are capped, and
/// at most <see cref="MaxReportedLines"/> malformed lines are reported one by one per file.
/// </summary>
internal static class ListFileReader
{
    /// <summary>Far above any public list (FireHOL level 4 is a few MB) and still a sane amount of memory.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The longest valid line is an IPv6 CIDR and a count; the rest is room for comments.</summary>
    public const int MaxLineBytes = 1024;

    public const int MaxReportedLines = 20;

    private static readonly string LineTooLong = $"line longer than {MaxLineBytes} bytes.";

    /// <param name="key">Configuration key problems are reported under (<c>...:Lists:N:Path</c>).</param>
    /// <param name="listed">Receives the entries taken into the list.</param>
    /// <returns>The counts, or null when the file is unreadable or has a malformed line.</returns>
    public static ReputationListStats? Read(
        string path, ReputationListOptions list, string key, ProblemReporter reporter, List<IpRange> listed)
    {
        if (!TryReadAllBytes(path, key, reporter, out var content))
        {
            return null;
        }
        ReadOnlySpan<byte> rest = content;
        if (rest.StartsWith("\uFEFF"u8))
        {
            rest = rest[3..];
        }
        Span<char> chars = stackalloc char[MaxLineBytes];
        int lineNumber = 0, entries = 0, belowMinCount = 0, hostBits = 0, malformed = 0;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var newline = rest.IndexOf((byte)'\n');
            var bytes = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? default : rest[(newline + 1)..];
            if (bytes.EndsWith("\r"u8))
            {
                bytes = bytes[..^1];
            }
            var line = TryDecode(bytes, chars, out var length, out var decodeError)
                ? ListLineParser.Parse(chars[..length], list.Format)
                : ListLine.Malformed(decodeError);
            switch (line.Kind)
            {
                case ListLineKind.Blank:
                    continue;
                case ListLineKind.Malformed:
                    if (++malformed <= MaxReportedLines)
                    {
                        reporter.Report(key, $"'{SafeText.Sanitise(bytes)}': {line.Error}", $"{path}:{lineNumber}");
                    }
                    continue;
            }
            entries++;
            if (line.Count >= 0 && line.Count < list.MinCount)
            {
                belowMinCount++;
                continue;
            }
            if (line.HostBitsSet)
            {
                hostBits++;
            }
            listed.Add(line.Range);
        }
        if (malformed > MaxReportedLines)
        {
            reporter.Report(key, $"and {malformed - MaxReportedLines} more malformed lines ({malformed} in all).", path);
        }
        return malformed > 0
            ? null
            : new ReputationListStats(list.Name, path, entries, entries - belowMinCount, belowMinCount, hostBits, 0);
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, Span<char> chars, out int length, out string error)
    {
        length = 0;
        error = "";
        if (bytes.Length > chars.Length)
        {
            error = LineTooLong;
            return false;
        }
        if (Ascii.ToUtf16(bytes, chars, out length) != OperationStatus.Done)
        {
            error = "line contains non-ASCII bytes.";
            return false;
        }
        return true;
    }

    private static bool TryReadAllBytes(string path, string key, ProblemReporter reporter, out byte[] content)
    {
        content = [];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length > MaxFileBytes)
            {
                reporter.Report(key, $"list file is {stream.Length} bytes, more than the {MaxFileBytes} supported.", path);
                return false;
            }
            content = new byte[stream.Length];
            var read = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
            content = read == content.Length ? content : content[..read];
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Report(key, $"cannot read list file: {e.Message}", path);
            return false;
        }
    }
}
