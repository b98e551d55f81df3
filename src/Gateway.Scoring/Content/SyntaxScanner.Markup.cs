namespace Gateway.Scoring.Content;

/// <summary>Markup and script: tags, evasive character references, script schemes with whitespace inside.</summary>
internal static partial class SyntaxScanner
{
    private static void AfterAngle(ReadOnlySpan<char> text, int angle, Span<int> counts)
    {
        var j = angle + 1;
        if (j >= text.Length)
        {
            return;
        }
        switch (text[j])
        {
            case '%' or '#':
                // <% ... %> (JSP, ERB, ASP) and <#assign ...> (FreeMarker directives).
                counts[HandcraftedFeature.TemplateExpression]++;
                return;
            case '!' or '?':
                counts[HandcraftedFeature.HtmlTag]++;
                return;
            case '/':
                j++;
                break;
        }
        if (j < text.Length && char.IsAsciiLetterLower(text[j]))
        {
            counts[HandcraftedFeature.HtmlTag]++;
            if (SyntaxVocabulary.ScriptTags.Contains(WordAt(text, j)))
            {
                counts[HandcraftedFeature.ScriptTag]++;
            }
        }
    }

    /// <summary>
    /// A numeric character reference that spells what a filter looks for: a letter or digit (<c>&amp;#106;</c>
    /// for the j of javascript) or markup and call syntax (<c>&amp;#60;</c>, <c>&amp;#x28;</c>). Rich-text editors
    /// write quotes, spaces and typographic characters this way (<c>&amp;#39;</c>, <c>&amp;#160;</c>,
    /// <c>&amp;#8217;</c>), so those are not evidence.
    /// </summary>
    private static bool IsEvasiveCharacterReference(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        var hex = j < text.Length && text[j] is 'x';
        if (hex)
        {
            j++;
        }
        var code = 0;
        var digits = 0;
        while (j < text.Length && digits < 8 && (char.IsAsciiDigit(text[j]) || (hex && char.IsAsciiHexDigitLower(text[j]))))
        {
            code = code * (hex ? 16 : 10) + (char.IsAsciiDigit(text[j]) ? text[j] - '0' : text[j] - 'a' + 10);
            j++;
            digits++;
        }
        if (digits == 0)
        {
            // "&#" followed by something else: not a reference, but odd enough to keep counting.
            return true;
        }
        return code < 128 && code is not (' ' or '"' or '\'' or '\t' or '\n' or '\r' or ',' or '.' or '!' or '?' or '-' or '&');
    }

    /// <summary><c>java&#9;script:</c>: browsers drop tabs and line breaks inside a URL scheme.</summary>
    private static bool LooseScriptScheme(ReadOnlySpan<char> text, int end)
    {
        var j = end;
        var limit = Math.Min(text.Length, end + 16);
        var skipped = false;
        while (j < limit && text[j] is '\t' or '\n' or '\r' or ' ' or '\0')
        {
            j++;
            skipped = true;
        }
        if (!skipped || !text[j..].StartsWith("script", StringComparison.Ordinal))
        {
            return false;
        }
        j = SkipSpace(text, j + "script".Length);
        return j < text.Length && text[j] == ':';
    }
}
