namespace Gateway.Scoring.Content;

/// <summary>
/// Counts injection syntax in one decoded, lowercased field: words and symbols in the grammatical
/// position an attack puts them (<c>' or</c>, <c>union select</c>, <c>sleep(</c>, <c>; cat</c>,
/// <c>onerror=</c>, <c>${jndi:</c>, a line break before <c>set-cookie:</c>). These carry over to any
/// application, where character n-grams of one site's parameters do not.
/// </summary>
/// <remarks>
/// One forward pass; every look-ahead stops after <see cref="MaxLookahead"/> characters, so hostile
/// input (thousands of quotes, unterminated comments) costs linear time. No allocation. The look-aheads
/// live beside this file by concern: <c>.Sql</c>, <c>.Shell</c>, <c>.LineBreaks</c>, <c>.Expressions</c>,
/// <c>.Markup</c> and <c>.Urls</c>.
/// </remarks>
internal static partial class SyntaxScanner
{
    private const int MaxLookahead = 64;

    /// <param name="counts">Indexed by <see cref="HandcraftedFeature"/>; incremented, never cleared.</param>
    public static void Scan(ReadOnlySpan<char> text, Span<int> counts)
    {
        SqlValueLogicAtStart(text, counts);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '\'' or '"':
                    AfterQuote(text, i, counts);
                    break;
                case '`':
                    AfterQuote(text, i, counts);
                    ShellCommandAfter(text, i + 1, counts);
                    break;
                case ')':
                    AfterParenthesis(text, i, counts);
                    break;
                case ';':
                    AfterSemicolon(text, i, counts);
                    break;
                case '\u2028' or '\u2029' or '\u0085':
                    // Line and paragraph separators and NEL: line breaks to JavaScript, many loggers and some mail code.
                    HeaderAfterLineBreak(text, i, counts);
                    break;
                case >= '\u0100' when IsLowByteLineBreak(c) && (i == 0 || text[i - 1] < '\u0080'):
                    // U+010A, U+560A, ...: servers that keep only the low byte of each char turn them into LF/CR.
                    // Only inside ASCII text: in Chinese, U+4E0A is an ordinary character.
                    HeaderAfterLineBreak(text, i, counts);
                    break;
                case '|' or '\n' or '\r':
                    if (c != '|')
                    {
                        HeaderAfterLineBreak(text, i, counts);
                    }
                    else if (IsXPathUnion(text, i))
                    {
                        counts[HandcraftedFeature.SqlQuoteLogic]++;
                    }
                    i = ShellCommandAfterSeparator(text, i, counts);
                    break;
                case '&':
                    if (next == '#')
                    {
                        if (IsEvasiveCharacterReference(text, i + 2))
                        {
                            counts[HandcraftedFeature.HtmlEntity]++;
                        }
                    }
                    else
                    {
                        i = ShellCommandAfterSeparator(text, i, counts);
                    }
                    break;
                case '<':
                    AfterAngle(text, i, counts);
                    break;
                case '(' when next == ')' && IsShellshock(text, i + 2):
                    counts[HandcraftedFeature.ShellChain]++;
                    break;
                case '{' when next is '{' or '%':
                case '#' when next == '{':
                case '*' when next == '{':
                    counts[HandcraftedFeature.TemplateExpression]++;
                    i++;
                    break;
                case '%' when next == '{' && IsOgnlExpression(text, i + 2):
                case '{' when next is '$' or 'p' && IsSmartyTag(text, i + 1):
                case '#' when char.IsAsciiLetterLower(next) && IsVelocityDirective(text, i + 1):
                case '@' when next is '(' or '{' && IsRazorExpression(text, i + 1):
                    counts[HandcraftedFeature.TemplateExpression]++;
                    break;
                case '$':
                    AfterDollar(text, i, counts);
                    break;
                case ':' when next is '/' or '\\' && IsWebScheme(text, i):
                    // http://, and the http:/ http:\\ forms that URL parsers repair.
                    var authority = i + 1;
                    while (authority < text.Length && authority < i + 4 && text[authority] is '/' or '\\')
                    {
                        authority++;
                    }
                    AfterSchemeSeparator(text, authority, counts);
                    break;
                case ':' when next == '/' && i + 2 < text.Length && text[i + 2] == '/':
                    AfterSchemeSeparator(text, i + 3, counts);
                    break;
                default:
                    if (IsWordChar(c) && (i == 0 || !IsWordChar(text[i - 1])))
                    {
                        i = Word(text, i, counts) - 1;
                    }
                    break;
            }
        }
        counts[HandcraftedFeature.SensitivePath] += CountAll(text, SyntaxVocabulary.SensitivePaths);
        counts[HandcraftedFeature.DangerousScheme] += CountAll(text, SyntaxVocabulary.DangerousSchemes);
        counts[HandcraftedFeature.XmlEntity] += CountAll(text, SyntaxVocabulary.XmlEntityMarkers);
        if (text.Contains("169.254.169.254", StringComparison.Ordinal) || text.IndexOfAny(SyntaxVocabulary.ProbeHosts) >= 0)
        {
            counts[HandcraftedFeature.InternalUrl]++;
        }
    }

    /// <returns>Where the word ends.</returns>
    private static int Word(ReadOnlySpan<char> text, int start, Span<int> counts)
    {
        var word = WordAt(text, start);
        var end = start + word.Length;
        var next = end < text.Length ? text[end] : '\0';
        if (next == ')' && start > 0 && text[start - 1] == '(' && end + 1 < text.Length && text[end + 1] is '(' or '`'
            && SyntaxVocabulary.CodeCalls.Contains(word))
        {
            // (alert)(1): the name in parentheses, so that "alert(" never appears.
            counts[HandcraftedFeature.CodeCall]++;
        }
        if (next is '(' or '`' || (next == '/' && end + 1 < text.Length && text[end + 1] == '*'))
        {
            var call = SkipComments(text, end);
            if (call < text.Length && text[call] == '(' && SyntaxVocabulary.SqlFunctions.Contains(word) && !IsPluralSuffix(text, call))
            {
                counts[HandcraftedFeature.SqlFunctionCall]++;
            }
            if (next is '(' or '`' && SyntaxVocabulary.CodeCalls.Contains(word) && !IsPluralSuffix(text, end))
            {
                counts[HandcraftedFeature.CodeCall]++;
            }
        }
        switch (word)
        {
            case "or" or "and" or "xor" or "having" or "where":
                if (IsComparison(text, end))
                {
                    counts[HandcraftedFeature.SqlComparison]++;
                }
                break;
            case "union":
                var afterUnion = SkipSpaceAndComments(text, end);
                var modifier = WordAt(text, afterUnion);
                if (modifier is "all" or "distinct")
                {
                    afterUnion = SkipSpaceAndComments(text, afterUnion + modifier.Length);
                }
                if (WordAt(text, afterUnion) is "select")
                {
                    counts[HandcraftedFeature.SqlSelectClause]++;
                }
                break;
            case "order" or "group" when IsByNumber(text, end):
                counts[HandcraftedFeature.SqlSelectClause]++;
                break;
            case "select" when start > 0 && text[..start].TrimEnd().EndsWith('('):
                counts[HandcraftedFeature.SqlSelectClause]++;
                break;
            case "waitfor" when WordAt(text, SkipSpaceAndComments(text, end)) is "delay" or "time":
                counts[HandcraftedFeature.SqlFunctionCall]++;
                break;
            case "document" or "window" or "this" when next == '.' && end + 1 < text.Length && char.IsAsciiLetterLower(text[end + 1]):
                counts[HandcraftedFeature.CodeCall]++;
                break;
            case "self" or "window" or "top" or "parent" or "frames" or "globalthis" or "this" or "document"
                when next == '[' && end + 1 < text.Length && text[end + 1] is '\'' or '"' or '`':
                // window['alert'], self[`al`+`ert`]: a global's member looked up by a string a filter cannot see whole.
                counts[HandcraftedFeature.CodeCall]++;
                break;
            case "case" when WordAt(text, SkipSpaceAndComments(text, end)) is "when" && HasThen(text, end):
                counts[HandcraftedFeature.SqlFunctionCall]++;
                break;
            case "javascript" or "vbscript" or "livescript" when SkipSpace(text, end) < text.Length && text[SkipSpace(text, end)] == ':':
                counts[HandcraftedFeature.ScriptScheme]++;
                break;
            case "java" or "vb" or "live" when LooseScriptScheme(text, end):
                counts[HandcraftedFeature.ScriptScheme]++;
                break;
            case "data" when text[end..].StartsWith(":text/html", StringComparison.Ordinal)
                             || text[end..].StartsWith(":image/svg", StringComparison.Ordinal)
                             || text[end..].StartsWith(":application/x", StringComparison.Ordinal):
                counts[HandcraftedFeature.ScriptScheme]++;
                break;
        }
        if (word.Length is >= 4 and <= 24 && word.StartsWith("on", StringComparison.Ordinal) && char.IsAsciiLetterLower(word[2]))
        {
            var j = end;
            var limit = Math.Min(text.Length, end + 8);
            while (j < limit && (IsSpace(text[j]) || text[j] == '/'))
            {
                j++;
            }
            if (j < text.Length && text[j] == '=')
            {
                counts[HandcraftedFeature.EventHandler]++;
            }
        }
        return end;
    }

    private static int SkipRun(ReadOnlySpan<char> text, int start, char c)
    {
        var j = start;
        var limit = Math.Min(text.Length, start + 4);
        while (j < limit && (text[j] == c || (c is '\r' or '\n' && text[j] is '\r' or '\n')))
        {
            j++;
        }
        return j;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        var limit = Math.Min(text.Length, start + MaxLookahead);
        while (j < limit && IsSpace(text[j]))
        {
            j++;
        }
        return j;
    }

    private static int SkipComments(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        var end = Math.Min(text.Length, start + MaxLookahead);
        while (j + 2 <= end && text[j] == '/' && text[j + 1] == '*')
        {
            var close = text[(j + 2)..end].IndexOf("*/", StringComparison.Ordinal);
            if (close < 0)
            {
                return j;
            }
            j += close + 4;
        }
        return j;
    }

    private static int SkipSpaceAndComments(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        while (true)
        {
            var next = SkipComments(text, SkipSpace(text, j));
            if (next == j || next >= start + MaxLookahead)
            {
                return Math.Min(next, text.Length);
            }
            j = next;
        }
    }

    private static ReadOnlySpan<char> WordAt(ReadOnlySpan<char> text, int start)
    {
        if (start >= text.Length)
        {
            return default;
        }
        var end = start;
        var limit = Math.Min(text.Length, start + ContentVocabulary.MaxWordLength + 1);
        while (end < limit && IsWordChar(text[end]))
        {
            end++;
        }
        return text[start..end];
    }

    private static int CountAll(ReadOnlySpan<char> text, System.Buffers.SearchValues<string> needles)
    {
        var count = 0;
        while (true)
        {
            var found = text.IndexOfAny(needles);
            if (found < 0)
            {
                return count;
            }
            count++;
            text = text[(found + 1)..];
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    /// <summary>
    /// Letters and digits of any script are part of a word: <c>l'oréal</c> holds the word <c>oréal</c>, not
    /// <c>or</c>, and SQL, shells and browsers read a non-ASCII letter as part of a name too. Except the
    /// letters whose low byte is a line break (<c>嘊</c> U+560A, <c>Ċ</c> U+010A): servers that keep only
    /// that byte turn them into one, so they end a word as a line break does.
    /// </summary>
    private static bool IsWordChar(char c) =>
        c < 0x80 ? char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' : char.IsLetterOrDigit(c) && !IsLowByteLineBreak(c);
}
