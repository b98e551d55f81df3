namespace Gateway.Scoring.Content;

/// <summary>
/// Reads an XML document (SOAP, RSS, SVG, office XML) as the application's parser would hand it over:
/// text nodes, CDATA and attribute values become values (with the five XML entities and numeric
/// character references resolved), element and attribute names become names. So an RSS feed's
/// markup no longer looks like injected HTML, while what an attacker controls is still seen:
/// <list type="bullet">
/// <item>declarations (<c>&lt;!DOCTYPE</c> with an internal subset, <c>&lt;!ENTITY</c>) are kept
/// verbatim, because that syntax <em>is</em> the XXE payload;</item>
/// <item>active markup (script-capable elements, <c>on…</c> handler attributes, <c>javascript:</c>
/// attribute values) is kept verbatim as one value, so an SVG upload with script reads as script.</item>
/// </list>
/// Linear in the body; a malformed document simply ends its last node early.
/// </summary>
internal static class XmlBodyReader
{
    private static readonly string[] ActiveElements = ["script", "iframe", "object", "embed", "foreignobject", "handler", "listener"];

    public static void Read(Span<char> body, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        var i = 0;
        while (i < body.Length)
        {
            var open = body[i..].IndexOf('<');
            var textEnd = open < 0 ? body.Length : i + open;
            AddText(body[i..textEnd], ref arguments, ref evidence);
            if (open < 0)
            {
                return;
            }
            i = textEnd;
            var rest = body[i..];
            if (rest.StartsWith("<!--"))
            {
                i = Skip(body, i + 4, "-->");
            }
            else if (rest.StartsWith("<![CDATA["))
            {
                var end = rest.IndexOf("]]>");
                var content = end < 0 ? rest[9..] : rest[9..end];
                arguments.AddValue(ContentDecoding.Decode(content, plusIsSpace: false, ref evidence));
                i = end < 0 ? body.Length : i + end + 3;
            }
            else if (rest.StartsWith("<?"))
            {
                i = Skip(body, i + 2, "?>");
            }
            else if (rest.StartsWith("<!"))
            {
                var end = DeclarationEnd(rest);
                arguments.AddValue(ContentDecoding.Decode(rest[..end], plusIsSpace: false, ref evidence));
                i += end;
            }
            else if (rest.StartsWith("</"))
            {
                i = Skip(body, i + 2, ">");
            }
            else
            {
                i += ReadTag(rest, ref arguments, ref evidence);
            }
        }
    }

    private static int Skip(Span<char> body, int from, string terminator)
    {
        var end = body[from..].IndexOf(terminator);
        return end < 0 ? body.Length : from + end + terminator.Length;
    }

    /// <summary>A declaration ends at its <c>&gt;</c>, after its internal subset <c>[ … ]</c> if it has one.</summary>
    private static int DeclarationEnd(ReadOnlySpan<char> rest)
    {
        var close = rest.IndexOf('>');
        var subset = rest.IndexOf('[');
        if (subset >= 0 && (close < 0 || subset < close))
        {
            var subsetEnd = rest.IndexOf("]>");
            return subsetEnd < 0 ? rest.Length : subsetEnd + 2;
        }
        return close < 0 ? rest.Length : close + 1;
    }

    /// <returns>Characters consumed.</returns>
    private static int ReadTag(Span<char> tag, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        var end = TagEnd(tag);
        var text = tag[..end];
        var nameEnd = 1;
        while (nameEnd < text.Length && !IsSeparator(text[nameEnd]))
        {
            nameEnd++;
        }
        var name = text[1..nameEnd];
        if (IsActive(name, text))
        {
            // Active content stays markup: the syntax features know what a script tag or handler is.
            arguments.AddValue(ContentDecoding.Decode(text, plusIsSpace: false, ref evidence));
            return end;
        }
        arguments.AddName(name);
        var j = nameEnd;
        while (j < text.Length)
        {
            while (j < text.Length && IsSeparator(text[j]))
            {
                j++;
            }
            var attributeStart = j;
            while (j < text.Length && !IsSeparator(text[j]) && text[j] != '=')
            {
                j++;
            }
            if (j > attributeStart)
            {
                arguments.AddName(text[attributeStart..j]);
            }
            if (j < text.Length && text[j] == '=')
            {
                j++;
                var quote = j < text.Length ? text[j] : '\0';
                if (quote is '"' or '\'')
                {
                    var close = text[(j + 1)..].IndexOf(quote);
                    var valueEnd = close < 0 ? text.Length : j + 1 + close;
                    AddText(text[(j + 1)..valueEnd], ref arguments, ref evidence);
                    j = Math.Min(text.Length, valueEnd + 1);
                }
            }
            else if (j == attributeStart)
            {
                j++;
            }
        }
        return end;
    }

    /// <summary>The tag's closing <c>&gt;</c>, skipping any inside quoted attribute values.</summary>
    private static int TagEnd(ReadOnlySpan<char> tag)
    {
        var quote = '\0';
        for (var k = 1; k < tag.Length; k++)
        {
            var c = tag[k];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return k + 1;
            }
        }
        return tag.Length;
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\r' or '\n' or '/' or '>';

    private static bool IsActive(ReadOnlySpan<char> name, ReadOnlySpan<char> tag)
    {
        var local = name[(name.IndexOf(':') + 1)..];
        foreach (var active in ActiveElements)
        {
            if (local.Equals(active, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        // An on… attribute (onload=, onbegin=) or a javascript: URL anywhere in the tag.
        for (var k = 1; k + 2 < tag.Length; k++)
        {
            if (IsSeparator(tag[k - 1]) && (tag[k] | 0x20) == 'o' && (tag[k + 1] | 0x20) == 'n')
            {
                var e = k + 2;
                while (e < tag.Length && char.IsAsciiLetter(tag[e]))
                {
                    e++;
                }
                if (e > k + 2 && e < tag.Length && tag[e] == '=')
                {
                    return true;
                }
            }
        }
        return tag.Contains("javascript:", StringComparison.OrdinalIgnoreCase);
    }

    private static void AddText(Span<char> text, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        if (text.IsWhiteSpace())
        {
            return;
        }
        var length = ResolveReferences(text);
        arguments.AddValue(ContentDecoding.Decode(text[..length], plusIsSpace: false, ref evidence));
    }

    /// <summary>Resolves <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot; &amp;apos;</c> and <c>&amp;#N;</c>/<c>&amp;#xH;</c> in place (they only shrink).</summary>
    internal static int ResolveReferences(Span<char> text)
    {
        var write = 0;
        for (var read = 0; read < text.Length; read++)
        {
            var c = text[read];
            if (c == '&')
            {
                var semicolon = text[read..].IndexOf(';');
                if (semicolon is > 1 and <= 10 && Resolve(text.Slice(read + 1, semicolon - 1), out var resolved))
                {
                    text[write++] = resolved;
                    read += semicolon;
                    continue;
                }
            }
            text[write++] = c;
        }
        return write;
    }

    private static bool Resolve(ReadOnlySpan<char> name, out char value)
    {
        value = name switch
        {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => '\0',
        };
        if (value != '\0')
        {
            return true;
        }
        if (name.Length >= 2 && name[0] == '#')
        {
            var hex = name[1] is 'x' or 'X';
            var digits = name[(hex ? 2 : 1)..];
            if (int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0xFFFF)
            {
                value = (char)code;
                return true;
            }
        }
        return false;
    }
}
