namespace Gateway.Scoring.ClientIp;

/// <summary>
/// Finds the last elements of one comma-separated header line. The hops that matter are at the
/// right end, but quoted strings (RFC 7239) can hide commas, so the line is scanned left to right
/// with vectorised searches and only the last <c>tail.Length</c> element positions are kept, in a
/// ring: the work is linear in the line, the memory fixed, whatever the number of commas.
/// </summary>
internal static class HeaderListTail
{
    /// <param name="tail">Receives element ranges as a ring: element n is at <c>n % tail.Length</c>.</param>
    /// <param name="quotedStrings">Honour double-quoted strings (Forwarded); X-Forwarded-For has none.</param>
    /// <returns>How many non-empty elements the line has in all (empty ones are ignored, RFC 9110 section 5.6.1).</returns>
    public static int Split(ReadOnlySpan<char> line, Span<Range> tail, bool quotedStrings)
    {
        var total = 0;
        var start = 0;
        while (true)
        {
            var end = FindComma(line, start, quotedStrings);
            var (first, last) = Trim(line, start, end);
            if (first < last)
            {
                if (!tail.IsEmpty)
                {
                    tail[total % tail.Length] = first..last;
                }
                total++;
            }
            if (end == line.Length)
            {
                return total;
            }
            start = end + 1;
        }
    }

    /// <returns>The index of the next separating comma, or the line's length.</returns>
    private static int FindComma(ReadOnlySpan<char> line, int from, bool quotedStrings)
    {
        var i = from;
        while (true)
        {
            var next = quotedStrings ? line[i..].IndexOfAny(',', '"') : line[i..].IndexOf(',');
            if (next < 0)
            {
                return line.Length;
            }
            i += next;
            if (line[i] == ',')
            {
                return i;
            }
            // Skip the quoted string; an unterminated one runs to the end and is malformed when parsed.
            for (i++; i < line.Length && line[i] != '"'; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                }
            }
            if (i >= line.Length)
            {
                return line.Length;
            }
            i++;
        }
    }

    private static (int First, int Last) Trim(ReadOnlySpan<char> line, int first, int last)
    {
        while (first < last && line[first] is ' ' or '\t')
        {
            first++;
        }
        while (last > first && line[last - 1] is ' ' or '\t')
        {
            last--;
        }
        return (first, last);
    }
}
