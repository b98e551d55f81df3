using Gateway.Scoring.Addressing;

namespace Gateway.Scoring.Reputation;

/// <summary>
/// Parses one line of a list file: <c>ENTRY [COUNT] [COMMENT]</c>, where a comment starts with
/// <c>#</c> or <c>;</c> (FireHOL and IPsum use <c>#</c>; Spamhaus's own drop.txt uses <c>; SBL...</c>),
/// so upstream files can be dropped in unchanged.
/// </summary>
internal static class ListLineParser
{
    private const int MaxCountDigits = 9;

    public static ListLine Parse(ReadOnlySpan<char> line, ReputationListFormat format)
    {
        line = line.Trim(" \t");
        if (line.IsEmpty || IsComment(line))
        {
            return ListLine.Blank;
        }
        var entry = NextToken(ref line);
        var countText = line.IsEmpty || IsComment(line) ? default : NextToken(ref line);
        if (!line.IsEmpty && !IsComment(line))
        {
            return ListLine.Malformed("unexpected text after the entry; expected a comment starting with '#' or ';'.");
        }
        if (format == ReputationListFormat.Plain && !countText.IsEmpty)
        {
            return ListLine.Malformed("unexpected text after the entry (Plain format: one address or CIDR network per line).");
        }
        if (format == ReputationListFormat.Ipsum && countText.IsEmpty)
        {
            return ListLine.Malformed("missing count (Ipsum format: <address><TAB><count>).");
        }
        var count = -1;
        if (!countText.IsEmpty && !TryParseCount(countText, out count))
        {
            return ListLine.Malformed("the text after the entry is neither a count (a whole number) nor a comment.");
        }
        var parsed = CidrParser.TryParse(entry, out var range);
        return parsed == CidrParseResult.Invalid
            ? ListLine.Malformed("not an IPv4/IPv6 address or CIDR network.")
            : new ListLine(ListLineKind.Entry, range, parsed == CidrParseResult.HostBitsSet, count, null);
    }

    private static bool IsComment(ReadOnlySpan<char> text) => text[0] is '#' or ';';

    /// <summary>Splits off the first whitespace-delimited token and leaves the trimmed rest.</summary>
    private static ReadOnlySpan<char> NextToken(ref ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(' ', '\t');
        if (end < 0)
        {
            var whole = text;
            text = default;
            return whole;
        }
        var token = text[..end];
        text = text[end..].TrimStart(" \t");
        return token;
    }

    private static bool TryParseCount(ReadOnlySpan<char> text, out int count)
    {
        count = 0;
        if (text.Length > MaxCountDigits)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            count = count * 10 + (c - '0');
        }
        return true;
    }
}
