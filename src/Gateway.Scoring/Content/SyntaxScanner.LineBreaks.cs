namespace Gateway.Scoring.Content;

/// <summary>What follows an injected line break: response headers, mail headers, forged log records.</summary>
internal static partial class SyntaxScanner
{
    /// <summary>
    /// A line break followed by a response header, a status line or markup: header injection and
    /// response splitting. A line break in ordinary text (a form's text area) is followed by words.
    /// After a single-line value (an address, a name, a path: no space before the break), a mail
    /// header (<c>bcc:</c>) or a forged log record (<c>[info]</c>, <c>error 2024-</c>) counts too;
    /// in a text area those would be a quoted e-mail or a pasted log, so there they do not.
    /// </summary>
    private static void HeaderAfterLineBreak(ReadOnlySpan<char> text, int lineBreak, Span<int> counts)
    {
        var j = lineBreak;
        var limit = Math.Min(text.Length, lineBreak + 12);
        while (j < limit)
        {
            if (text[j] is '\r' or '\n' or ' ' or '\t' or '\u2028' or '\u2029' or '\u0085' or '%' || IsLowByteLineBreak(text[j]))
            {
                j++;
            }
            else if (text[j] == '0' && j + 1 < text.Length && text[j + 1] is 'a' or 'd')
            {
                // %%0a0a: the bypass leaves a stray % and the hex of a second line break around the real one.
                j += 2;
            }
            else
            {
                break;
            }
        }
        var singleLine = lineBreak <= 256 && text[..lineBreak].IndexOfAny(' ', '\t', '\n') < 0;
        if (singleLine && j < text.Length && IsForgedRecord(text[j..]))
        {
            counts[HandcraftedFeature.HeaderInjection]++;
            return;
        }
        if (j < text.Length && text[j] == '<')
        {
            counts[HandcraftedFeature.HeaderInjection]++;
            return;
        }
        var nameStart = j;
        limit = Math.Min(text.Length, j + MaxLookahead);
        while (j < limit && (IsWordChar(text[j]) || text[j] == '-'))
        {
            j++;
        }
        var name = text[nameStart..j];
        if (text[nameStart..].StartsWith("http/1.", StringComparison.Ordinal))
        {
            counts[HandcraftedFeature.HeaderInjection]++;
            return;
        }
        j = SkipSpace(text, j);
        if (j < text.Length && text[j] == ':' && name.Length > 0
            && (SyntaxVocabulary.ResponseHeaders.Contains(name) || name.StartsWith("x-", StringComparison.Ordinal)
                || name.StartsWith("access-control-", StringComparison.Ordinal)
                || name.StartsWith("content-", StringComparison.Ordinal)))
        {
            counts[HandcraftedFeature.HeaderInjection]++;
        }
    }

    /// <summary>After a line break in a single-line value: <c>bcc:</c>, <c>[warn]</c>, <c>info:</c>, <c>error </c>, <c>2024-01-01</c>.</summary>
    private static bool IsForgedRecord(ReadOnlySpan<char> line)
    {
        var bracketed = line.Length > 0 && line[0] == '[';
        var word = WordAt(line, bracketed ? 1 : 0);
        var after = (bracketed ? 1 : 0) + word.Length;
        var next = after < line.Length ? line[after] : '\0';
        if (word.IsEmpty)
        {
            return false;
        }
        if (bracketed)
        {
            return next == ']' && SyntaxVocabulary.LogLevels.Contains(word);
        }
        if (SyntaxVocabulary.LogLevels.Contains(word))
        {
            return next is ':' or ' ' or '\t';
        }
        if (word.Length == 4 && char.IsAsciiDigit(word[0]) && next == '-' && after + 3 < line.Length
            && char.IsAsciiDigit(line[after + 1]) && char.IsAsciiDigit(line[after + 2]) && line[after + 3] == '-')
        {
            return true;
        }
        var name = line[..(after + HeaderNameTail(line[after..]))];
        return SyntaxVocabulary.MailHeaders.Contains(name) && SkipSpace(line, name.Length) < line.Length
            && line[SkipSpace(line, name.Length)] == ':';
    }

    /// <summary>The rest of a hyphenated header name (<c>reply-to</c>) after its first word.</summary>
    private static int HeaderNameTail(ReadOnlySpan<char> rest)
    {
        var j = 0;
        while (j < rest.Length && j < 32 && (rest[j] == '-' || IsWordChar(rest[j])))
        {
            j++;
        }
        return j;
    }

    /// <summary>A char above Latin-1 whose low byte is LF or CR (U+010A, U+560D, ...).</summary>
    private static bool IsLowByteLineBreak(char c) => c >= '\u0100' && (c & 0xFF) is 0x0A or 0x0D;
}
