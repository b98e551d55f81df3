namespace Gateway.Scoring.ClientIp;

/// <summary>
/// Reads the hop from one RFC 7239 forwarded-element: <c>for=192.0.2.60;proto=http;by=203.0.113.43</c>.
/// Parameter names are case-insensitive; values are tokens or quoted strings (with backslash
/// escapes); empty pairs are allowed. An element without <c>for</c>, or with two, is malformed:
/// the hop cannot be identified.
/// </summary>
internal static class ForwardedElement
{
    public static HopParse Parse(ReadOnlySpan<char> element, out UInt128 key)
    {
        key = default;
        Span<char> forValue = stackalloc char[ForwardedNode.MaxLength];
        var forLength = -1;
        var i = 0;
        while (true)
        {
            i = SkipWhitespace(element, i);
            if (i == element.Length)
            {
                break;
            }
            if (element[i] == ';')
            {
                i++;
                continue;
            }
            var equals = element[i..].IndexOf('=');
            if (equals <= 0)
            {
                return HopParse.Malformed;
            }
            var name = element.Slice(i, equals);
            if (!IsToken(name))
            {
                return HopParse.Malformed;
            }
            i += equals + 1;
            var isFor = name.Equals("for", StringComparison.OrdinalIgnoreCase);
            if (isFor && forLength >= 0)
            {
                return HopParse.Malformed;
            }
            if (!TryReadValue(element, ref i, isFor ? forValue : default, out var valueLength))
            {
                return HopParse.Malformed;
            }
            if (isFor)
            {
                forLength = valueLength;
            }
            i = SkipWhitespace(element, i);
            if (i < element.Length && element[i] != ';')
            {
                return HopParse.Malformed;
            }
        }
        return forLength < 0 ? HopParse.Malformed : ForwardedNode.Parse(forValue[..forLength], out key);
    }

    /// <summary>Reads a token or quoted string at <paramref name="i"/>, copying it unquoted into <paramref name="copy"/> when given.</summary>
    private static bool TryReadValue(ReadOnlySpan<char> element, ref int i, Span<char> copy, out int length)
    {
        length = 0;
        var keep = !copy.IsEmpty;
        if (i < element.Length && element[i] == '"')
        {
            for (i++; i < element.Length; i++)
            {
                var c = element[i];
                if (c == '"')
                {
                    i++;
                    return true;
                }
                if (c == '\\' && ++i == element.Length)
                {
                    return false;
                }
                if (keep && !TryAppend(copy, ref length, element[i]))
                {
                    return false;
                }
            }
            return false;
        }
        var start = i;
        while (i < element.Length && IsValueChar(element[i]))
        {
            if (keep && !TryAppend(copy, ref length, element[i]))
            {
                return false;
            }
            i++;
        }
        return i > start;
    }

    private static bool TryAppend(Span<char> copy, ref int length, char c)
    {
        if (length == copy.Length)
        {
            return false;
        }
        copy[length++] = c;
        return true;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
        return i;
    }

    /// <summary>
    /// Visible ASCII except the separators that end a value. Wider than RFC 7230's tchar so that
    /// unquoted <c>for=[2001:db8::1]</c>, which proxies do send, is read; the node parser is strict.
    /// </summary>
    private static bool IsValueChar(char c) => c is > ' ' and < (char)0x7F and not (';' or ',' or '"');

    private static bool IsToken(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~".IndexOf(c) < 0)
            {
                return false;
            }
        }
        return true;
    }
}
