namespace Gateway.Scoring.Content;

/// <summary>
/// Decodes request text the way a permissive back end would, so that every spelling of a payload
/// (<c>'</c>, <c>%27</c>, <c>%2527</c>, <c>%u0027</c>, <c>%EF%BC%87</c>) reaches the features as the
/// same characters. Works in place: every step only shrinks the text, so no buffer can overflow.
/// </summary>
internal static class PayloadDecoder
{
    /// <summary>
    /// Percent-decodes <paramref name="text"/> in place until a pass changes nothing (at most
    /// <see cref="ContentFeatureLayout.MaxDecodeRounds"/> passes). <c>%XX</c> yields the byte value as
    /// a char (regrouped into UTF-8 later by <see cref="Fold"/>); <c>%uXXXX</c> yields the UTF-16 unit.
    /// </summary>
    /// <param name="plusIsSpace">Form semantics (query, urlencoded body): <c>+</c> is a space, once, before any pass.</param>
    /// <returns>The decoded length.</returns>
    public static int PercentDecode(Span<char> text, bool plusIsSpace, ref DecodeEvidence evidence)
    {
        if (plusIsSpace)
        {
            text.Replace('+', ' ');
        }
        var length = text.Length;
        for (var round = 1; round <= ContentFeatureLayout.MaxDecodeRounds; round++)
        {
            var current = text[..length];
            var first = current.IndexOf('%');
            if (first < 0)
            {
                break;
            }
            var write = first;
            var changed = false;
            for (var read = first; read < length;)
            {
                var c = current[read];
                if (c == '%')
                {
                    if (read + 2 < length && TryHex(current[read + 1], current[read + 2], out var value))
                    {
                        current[write++] = (char)value;
                        read += 3;
                        changed = true;
                        continue;
                    }
                    if (read + 5 < length && (current[read + 1] | 0x20) == 'u'
                        && TryHex(current[read + 2], current[read + 3], out var high)
                        && TryHex(current[read + 4], current[read + 5], out var low))
                    {
                        current[write++] = (char)((high << 8) | low);
                        read += 6;
                        changed = true;
                        evidence.PercentU = true;
                        continue;
                    }
                    if (round == 1)
                    {
                        evidence.MalformedPercent++;
                    }
                }
                current[write++] = c;
                read++;
            }
            length = write;
            if (!changed)
            {
                break;
            }
            evidence.Rounds = Math.Max(evidence.Rounds, round);
        }
        return length;
    }

    /// <summary>
    /// Whether text as the client sent it in a URL or a form body percent-encodes a character that
    /// never needs it: an ASCII letter or digit, <c>-</c>, <c>.</c> or <c>_</c> (RFC 3986's unreserved
    /// characters but <c>~</c>, which old encoders did escape). Browsers, <c>encodeURIComponent</c>,
    /// form submission and the usual libraries leave these alone; <c>%73cript</c>,
    /// <c>%68%74%74%70%73%3a%2f%2f</c> or <c>%2e%2e%2f</c> is written to slip past a filter that reads
    /// the text as sent. Only escapes as sent count: a double-encoded one is
    /// <see cref="DecodeEvidence.Rounds"/>' evidence, and <c>%u0061</c> is <see cref="DecodeEvidence.PercentU"/>.
    /// </summary>
    public static bool EscapesUnreserved(ReadOnlySpan<char> sent)
    {
        var at = sent.IndexOf('%');
        while (at >= 0 && at + 2 < sent.Length)
        {
            if (TryHex(sent[at + 1], sent[at + 2], out var value) && IsUnreserved(value))
            {
                return true;
            }
            var next = sent[(at + 1)..].IndexOf('%');
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private static bool IsUnreserved(int value) =>
        (uint)((value | 0x20) - 'a') <= 'z' - 'a' || (uint)(value - '0') <= 9 || value is '-' or '.' or '_';

    /// <summary>
    /// Regroups byte-valued chars into UTF-8 code points where they form a sequence (overlong forms
    /// included, as old decoders accepted them: <c>%C0%AF</c> is <c>/</c>), keeps other bytes as
    /// Latin-1, folds fullwidth ASCII (<c>U+FF01–FF5E</c>) and slash look-alikes (<c>U+2215</c>, <c>U+2216</c>, ...)
    /// to ASCII and lowercases ASCII letters.
    /// </summary>
    /// <returns>The folded length.</returns>
    public static int Fold(Span<char> text, ref DecodeEvidence evidence)
    {
        var write = 0;
        for (var read = 0; read < text.Length;)
        {
            int codePoint = text[read];
            var consumed = 1;
            if (codePoint is >= 0xC0 and <= 0xF4)
            {
                consumed = ReadUtf8(text, read, out codePoint, ref evidence);
            }
            if (codePoint is >= 0xFF01 and <= 0xFF5E)
            {
                codePoint -= 0xFEE0;
                evidence.Fullwidth = true;
            }
            else if (codePoint is 0x2215 or 0x2044 or 0x29F8 or 0x2216 or 0x29F5 or 0x29F9 or 0xFE68)
            {
                // Division and fraction slashes, set minus and small reverse solidus: Windows best-fit
                // mappings and some path normalizers turn them into / and \ (..%u2215..%u2215etc).
                codePoint = codePoint is 0x2215 or 0x2044 or 0x29F8 ? '/' : '\\';
                evidence.Fullwidth = true;
            }
            if ((uint)(codePoint - 'A') <= 'Z' - 'A')
            {
                codePoint |= 0x20;
            }
            // Outside the BMP only "not ASCII" matters to the features.
            text[write++] = codePoint > 0xFFFF ? '\uFFFD' : (char)codePoint;
            read += consumed;
        }
        return write;
    }

    /// <summary>
    /// Undoes JSON string escapes in place (<c>\"</c>, <c>\\</c>, <c>\/</c>, <c>\n</c>, <c>\uXXXX</c>, ...), as the
    /// back end's JSON parser will: <c>\u003cscript\u003e</c> is <c>&lt;script&gt;</c> and <c>\r\n</c> a real line
    /// break to it. Malformed escapes stay as written. Applied to JSON bodies only, before percent-decoding.
    /// </summary>
    /// <returns>The unescaped length.</returns>
    public static int JsonUnescape(Span<char> text)
    {
        var first = text.IndexOf('\\');
        if (first < 0)
        {
            return text.Length;
        }
        var write = first;
        for (var read = first; read < text.Length;)
        {
            var c = text[read];
            if (c != '\\' || read + 1 >= text.Length)
            {
                text[write++] = c;
                read++;
                continue;
            }
            var escaped = text[read + 1];
            char? simple = escaped switch
            {
                '"' or '\\' or '/' => escaped,
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'b' => '\b',
                'f' => '\f',
                _ => null,
            };
            if (simple is { } value)
            {
                text[write++] = value;
                read += 2;
            }
            else if (escaped == 'u' && read + 5 < text.Length
                     && TryHex(text[read + 2], text[read + 3], out var high) && TryHex(text[read + 4], text[read + 5], out var low))
            {
                text[write++] = (char)((high << 8) | low);
                read += 6;
            }
            else
            {
                text[write++] = c;
                read++;
            }
        }
        return write;
    }

    /// <summary>
    /// Undoes JavaScript-style <c>\uXXXX</c> and <c>\xHH</c> escapes in place. A value a page writes into a
    /// script string, or a back end passes to a JSON or template parser, means <c>&lt;script&gt;</c> when it
    /// says <c>\u003cscript\u003e</c>; such escapes in ordinary input are rare, so one is also evidence
    /// (<see cref="DecodeEvidence.PercentU"/>, which covers both spellings). Malformed escapes stay as written.
    /// </summary>
    /// <returns>The unescaped length.</returns>
    public static int ScriptUnescape(Span<char> text, ref DecodeEvidence evidence)
    {
        var first = text.IndexOf('\\');
        if (first < 0)
        {
            return text.Length;
        }
        var write = first;
        for (var read = first; read < text.Length;)
        {
            var c = text[read];
            if (c == '\\' && read + 3 < text.Length)
            {
                var kind = text[read + 1] | 0x20;
                if (kind == 'u' && read + 5 < text.Length
                    && TryHex(text[read + 2], text[read + 3], out var high) && TryHex(text[read + 4], text[read + 5], out var low))
                {
                    text[write++] = (char)((high << 8) | low);
                    read += 6;
                    evidence.PercentU = true;
                    continue;
                }
                if (kind == 'x' && TryHex(text[read + 2], text[read + 3], out var value))
                {
                    text[write++] = (char)value;
                    read += 4;
                    evidence.PercentU = true;
                    continue;
                }
            }
            text[write++] = c;
            read++;
        }
        return write;
    }

    private static int ReadUtf8(ReadOnlySpan<char> text, int start, out int codePoint, ref DecodeEvidence evidence)
    {
        int lead = text[start];
        int continuations;
        int minimum;
        if (lead <= 0xDF)
        {
            continuations = 1;
            codePoint = lead & 0x1F;
            minimum = 0x80;
        }
        else if (lead <= 0xEF)
        {
            continuations = 2;
            codePoint = lead & 0x0F;
            minimum = 0x800;
        }
        else
        {
            continuations = 3;
            codePoint = lead & 0x07;
            minimum = 0x10000;
        }
        if (start + continuations >= text.Length)
        {
            codePoint = lead;
            return 1;
        }
        for (var i = 1; i <= continuations; i++)
        {
            int next = text[start + i];
            if (next is < 0x80 or > 0xBF)
            {
                codePoint = lead;
                return 1;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < minimum)
        {
            evidence.OverlongUtf8 = true;
        }
        return continuations + 1;
    }

    /// <summary>Two hex digits as one byte value; false (and a negative value) when either is not a hex digit.</summary>
    internal static bool TryHex(char high, char low, out int value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (h << 4) | l;
        return (h | l) >= 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
