namespace Gateway.Scoring.Content;

/// <summary>
/// Markers of attacks whose payload is a structure rather than injected syntax: LDAP filter
/// clauses, prototype-pollution keys, serialized objects and gadget classes, and URLs built to
/// confuse a redirect check. Each is written as a flag; like <see cref="SyntaxScanner"/>, they look
/// for a form in its position (<c>)(uid=</c>, <c>rO0AB</c> at a token start), not for a word.
/// </summary>
/// <remarks>Input is one decoded, lowercased field. Linear, no allocation.</remarks>
internal static class PayloadMarkers
{
    /// <param name="counts">Indexed by <see cref="HandcraftedFeature"/>; incremented, never cleared.</param>
    public static void Scan(ReadOnlySpan<char> text, Span<int> counts)
    {
        if (HasLdapClause(text))
        {
            counts[HandcraftedFeature.LdapFilter]++;
        }
        if (text.Contains("__proto__", StringComparison.Ordinal) || HasConstructorPrototype(text))
        {
            counts[HandcraftedFeature.PrototypeKey]++;
        }
        if (HasSerializedObject(text))
        {
            counts[HandcraftedFeature.SerializedObject]++;
        }
    }

    /// <summary>
    /// Called for argument values only: a redirect target that a naive "starts with /" or "same host"
    /// check accepts but a browser resolves off-site, and a value that is a command-line option
    /// (<see cref="PayloadMarkerVocabulary.CommandOptions"/>).
    /// </summary>
    public static void ScanValue(ReadOnlySpan<char> value, Span<int> counts)
    {
        var trimmed = value.TrimStart();
        if (IsConfusingUrl(trimmed))
        {
            counts[HandcraftedFeature.UrlConfusion]++;
        }
        if ((trimmed.StartsWith('-') && trimmed.IndexOfAny(PayloadMarkerVocabulary.CommandOptions) == 0)
            || (trimmed.Contains(" -exec ", StringComparison.Ordinal) && trimmed.Contains("{}", StringComparison.Ordinal)))
        {
            counts[HandcraftedFeature.ShellChain]++;
        }
    }

    /// <summary>
    /// <c>(|(</c>, <c>(&amp;(</c>, <c>(!(</c>, the always-true <c>(&amp;)</c> and <c>(|)</c>, a closed clause
    /// followed by a new one on an attribute (<c>)(uid=</c>, <c>)(cn&gt;=</c>), and a wildcard closed
    /// before a NUL (<c>*)%00</c>).
    /// </summary>
    private static bool HasLdapClause(ReadOnlySpan<char> text)
    {
        var searchFrom = 0;
        while (searchFrom < text.Length)
        {
            var found = text[searchFrom..].IndexOfAny('(', ')');
            if (found < 0)
            {
                return false;
            }
            var i = searchFrom + found;
            searchFrom = i + 1;
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (text[i] == '(')
            {
                if (next is '|' or '&' or '!' && i + 2 < text.Length && text[i + 2] is '(' or ')')
                {
                    return true;
                }
                continue;
            }
            if (next == '\0' && i + 1 < text.Length && i > 0 && text[i - 1] == '*')
            {
                return true;
            }
            if (next == '(' && IsAttributeAssertion(text, i + 2))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>uid=</c>, <c>objectclass=*</c>, <c>cn&gt;=</c>, <c>sn~=</c>: an attribute name, then a filter operator.</summary>
    private static bool IsAttributeAssertion(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        var limit = Math.Min(text.Length, start + 40);
        while (j < limit && (char.IsAsciiLetterLower(text[j]) || char.IsAsciiDigit(text[j]) || text[j] is '-' or '.' or ';'))
        {
            j++;
        }
        if (j == start || j >= text.Length)
        {
            return false;
        }
        return text[j] == '=' || (text[j] is '>' or '<' or '~' && j + 1 < text.Length && text[j + 1] == '=');
    }

    /// <summary><c>constructor[prototype]</c>, <c>constructor.prototype</c>, <c>["constructor"]["prototype"]</c>.</summary>
    private static bool HasConstructorPrototype(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf("constructor", StringComparison.Ordinal);
        while (at >= 0)
        {
            var after = text[(at + "constructor".Length)..];
            var window = after[..Math.Min(after.Length, 16)];
            if (window.Length > 0 && window[0] is '[' or '.' or '"' or '\'' or ']'
                && window.Contains("prototype", StringComparison.Ordinal))
            {
                return true;
            }
            var next = after.IndexOf("constructor", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + "constructor".Length + next;
        }
        return false;
    }

    private static bool HasSerializedObject(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(PayloadMarkerVocabulary.SerializationMarkers) >= 0)
        {
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && IsTokenChar(text[i - 1]))
            {
                continue;
            }
            var rest = text[i..];
            if (rest.StartsWith("ro0ab", StringComparison.Ordinal) || rest.StartsWith("aced0005", StringComparison.Ordinal)
                || rest.StartsWith("aaeaaad/////", StringComparison.Ordinal) || IsPhpSerialized(rest))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>PHP's <c>O:8:"stdClass":</c>, <c>C:11:"ArrayObject":</c> and <c>a:2:{</c>.</summary>
    private static bool IsPhpSerialized(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 5 || rest[0] is not ('o' or 'c' or 'a') || rest[1] != ':' || !char.IsAsciiDigit(rest[2]))
        {
            return false;
        }
        var j = 3;
        while (j < rest.Length && j < 8 && char.IsAsciiDigit(rest[j]))
        {
            j++;
        }
        if (j + 1 >= rest.Length || rest[j] != ':')
        {
            return false;
        }
        return rest[0] == 'a' ? rest[j + 1] == '{' : rest[j + 1] == '"';
    }

    /// <summary>
    /// Protocol-relative (<c>//host</c>), backslash-confused (<c>/\host</c>, <c>\\host</c>,
    /// <c>https:/\host</c>), slashless (<c>https:host</c>) and userinfo-confused
    /// (<c>https://trusted@host</c>) URLs.
    /// </summary>
    private static bool IsConfusingUrl(ReadOnlySpan<char> value)
    {
        // URL parsers drop tabs and line breaks anywhere in a URL: //\r\nevil.example is //evil.example.
        if (value.Length >= 3 && value[0] is '/' or '\\' && value[1] is '/' or '\\' or '\t' or '\r' or '\n')
        {
            var j = 2;
            while (j < value.Length && j < 8 && value[j] is '/' or '\\' or '\t' or '\r' or '\n')
            {
                j++;
            }
            return j < value.Length && IsHostStart(value[j]);
        }
        // 〱evil.example: the vertical kana repeat mark and its look-alikes, which some browsers read as //.
        if (value.Length >= 2 && value[0] is '\u3031' or '\u3035' or '\u309D' or '\u30FC' or '\uFF70' && IsHostStart(value[1]))
        {
            return true;
        }
        var scheme = value.StartsWith("https:", StringComparison.Ordinal) ? 6
            : value.StartsWith("http:", StringComparison.Ordinal) ? 5 : 0;
        if (scheme == 0 || scheme >= value.Length)
        {
            return false;
        }
        var rest = value[scheme..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            // https:/\host, https:\\host, https:host, https:/host: browsers repair these to https://host.
            return rest[0] == '\\' || (rest[0] == '/' && rest.Length > 1 && rest[1] is '\\' or '\t') || IsHostStart(rest[0]);
        }
        var authority = rest[2..];
        var end = authority.IndexOfAny('/', '?', '#');
        var after = end >= 0 && authority[end] is '?' or '#' ? authority[(end + 1)..] : default;
        if (end >= 0)
        {
            authority = authority[..end];
        }
        return authority.Contains('@') || authority.Contains('\\') || IsBareHostName(after);
    }

    /// <summary>
    /// <c>https://evil.example#accounts.example.com</c>, <c>https://evil.example?example.com</c>: a query or fragment
    /// that is nothing but a host name, there to pass a check that the trusted name appears in the URL.
    /// </summary>
    private static bool IsBareHostName(ReadOnlySpan<char> text)
    {
        text = text.TrimStart('.');
        var dot = text.IndexOf('.');
        return dot > 0 && dot < text.Length - 2 && !text.ContainsAnyExcept(HostNameChars);
    }

    private static readonly System.Buffers.SearchValues<char> HostNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    private static bool IsHostStart(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '[';

    private static bool IsTokenChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '+' or '/' or '=' or '_' or '-';
}
