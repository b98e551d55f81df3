namespace Gateway.Scoring.Content;

/// <summary>
/// Counts injection syntax in one decoded, lowercased field: words and symbols in the grammatical
/// position an attack puts them (<c>' or</c>, <c>union select</c>, <c>sleep(</c>, <c>; cat</c>,
/// <c>onerror=</c>, <c>${jndi:</c>, a line break before <c>set-cookie:</c>). These carry over to any
/// application, where character n-grams of one site's parameters do not.
/// </summary>
/// <remarks>
/// One forward pass; every look-ahead stops after <see cref="MaxLookahead"/> characters, so hostile
/// input (thousands of quotes, unterminated comments) costs linear time. No allocation.
/// </remarks>
internal static class SyntaxScanner
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

    /// <summary>A numeric value followed by a condition: <c>1 or 1=1</c>, <c>-1) union select</c>.</summary>
    private static void SqlValueLogicAtStart(ReadOnlySpan<char> text, Span<int> counts)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }
        var digits = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        if (i == digits)
        {
            return;
        }
        while (i < text.Length && text[i] == ')')
        {
            i++;
        }
        var afterSpace = SkipSpaceAndComments(text, i);
        if (afterSpace > i && SyntaxVocabulary.SqlLogic.Contains(WordAt(text, afterSpace)))
        {
            counts[HandcraftedFeature.SqlValueLogic]++;
        }
        // 7-- -, 27--: a number whose query is cut off by a comment (what follows it in the query is dropped).
        var comment = SkipSpace(text, i);
        if (text[comment..].StartsWith("--", StringComparison.Ordinal) && text[(comment + 2)..].Trim(" -\t").IsEmpty)
        {
            counts[HandcraftedFeature.SqlQuoteTerminator]++;
        }
    }

    /// <summary><c>' or</c>, <c>')) and</c>, <c>'||</c>, and a quote closed by a comment or <c>;</c>.</summary>
    private static void AfterQuote(ReadOnlySpan<char> text, int quote, Span<int> counts)
    {
        var j = quote + 1;
        var limit = Math.Min(text.Length, quote + MaxLookahead);
        while (j < limit && (text[j] == ')' || IsSpace(text[j])))
        {
            j++;
        }
        if (IsTerminator(text, j))
        {
            counts[HandcraftedFeature.SqlQuoteTerminator]++;
        }
        j = SkipSpaceAndComments(text, j);
        while (j < text.Length && text[j] == ')')
        {
            j = SkipSpaceAndComments(text, j + 1);
        }
        var rest = text[j..];
        if (rest.StartsWith("||", StringComparison.Ordinal) || rest.StartsWith("&&", StringComparison.Ordinal)
            || SyntaxVocabulary.SqlLogic.Contains(WordAt(text, j)))
        {
            counts[HandcraftedFeature.SqlQuoteLogic]++;
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

    /// <summary><c>1) or</c>: weak alone (prose has "(new) or used"), so it is the weaker value-logic flag.</summary>
    private static void AfterParenthesis(ReadOnlySpan<char> text, int parenthesis, Span<int> counts)
    {
        if (SyntaxVocabulary.SqlLogic.Contains(WordAt(text, SkipSpaceAndComments(text, parenthesis + 1))))
        {
            counts[HandcraftedFeature.SqlValueLogic]++;
        }
    }

    private static void AfterSemicolon(ReadOnlySpan<char> text, int semicolon, Span<int> counts)
    {
        if (SyntaxVocabulary.SqlStatements.Contains(WordAt(text, SkipSpaceAndComments(text, semicolon + 1))))
        {
            counts[HandcraftedFeature.SqlStacked]++;
        }
        ShellCommandAfter(text, semicolon + 1, counts);
    }

    /// <returns>The last character of the separator run (<c>||</c>, <c>&amp;&amp;</c>, CR LF), where the scan resumes.</returns>
    private static int ShellCommandAfterSeparator(ReadOnlySpan<char> text, int separator, Span<int> counts)
    {
        var end = SkipRun(text, separator, text[separator]);
        // A lone | or & between words is also prose ("Home | Shop", "Tom & Jerry"); || && and line breaks are not.
        var prose = end - separator == 1 && text[separator] is '|' or '&';
        ShellCommandAfter(text, end, counts, prose);
        return end - 1;
    }

    /// <summary>A command word after a shell separator: <c>; cat</c>, <c>| id</c>, <c>&amp;&amp; /bin/sh</c>, <c>`uname</c>, <c>$(curl</c>.</summary>
    /// <param name="afterProseSeparator">The separator was a lone <c>|</c> or <c>&amp;</c>, which prose uses too.</param>
    private static void ShellCommandAfter(ReadOnlySpan<char> text, int start, Span<int> counts, bool afterProseSeparator = false)
    {
        var j = SkipSpace(text, start);
        var spaced = j > start;
        var limit = Math.Min(text.Length, j + 4);
        while (j < limit && text[j] is '{' or '(' or '/' or '\\' or '\'' or '"')
        {
            j++;
        }
        var word = WordAt(text, j);
        if (SyntaxVocabulary.ShellCommands.Contains(word)
            || (SyntaxVocabulary.AmbiguousShellCommands.Contains(word)
                && (ReadsAsCommandLine(text, j + word.Length, allowEnd: !(afterProseSeparator && spaced))
                    || (word is "net" && SyntaxVocabulary.NetSubcommands.Contains(WordAt(text, SkipSpace(text, j + word.Length)))))))
        {
            counts[HandcraftedFeature.ShellChain]++;
        }
    }

    /// <summary>
    /// What follows a command word that is also an English word: an option, a path, a number, a variable,
    /// a drive, a redirection or another separator (<c>cat /etc</c>, <c>sleep 5</c>, <c>ping -c</c>,
    /// <c>type c:\</c>, <c>id;</c>), or
    /// the end of the field. A following word ("cat food", "more info") reads as prose.
    /// </summary>
    private static bool ReadsAsCommandLine(ReadOnlySpan<char> text, int end, bool allowEnd)
    {
        if (end >= text.Length)
        {
            return allowEnd;
        }
        var c = text[end];
        if (c is '/' or '\\' or ';' or '|' or '&' or '`' or ')' or '>' or '<' or '$' or '\0')
        {
            return true;
        }
        if (!IsSpace(c))
        {
            return false;
        }
        var j = SkipSpace(text, end);
        if (j >= text.Length)
        {
            return allowEnd;
        }
        return text[j] is '-' or '/' or '\\' or '.' or '~' or '$' or '`' or '\'' or '"' or '<' or '>' or '|' or ';' or '&' or '%' or '{'
            || char.IsAsciiDigit(text[j])
            || (char.IsAsciiLetterLower(text[j]) && j + 2 < text.Length && text[j + 1] == ':' && text[j + 2] is '\\' or '/');
    }

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

    /// <summary><c>() { :; };</c> and <c>() { _; }</c>: a bash function definition smuggled into a variable (Shellshock).</summary>
    private static bool IsShellshock(ReadOnlySpan<char> text, int afterParentheses)
    {
        var j = SkipSpace(text, afterParentheses);
        if (j >= text.Length || text[j] != '{')
        {
            return false;
        }
        j = SkipSpace(text, j + 1);
        if (j >= text.Length || text[j] is not (':' or '_'))
        {
            return false;
        }
        j = SkipSpace(text, j + 1);
        return j < text.Length && text[j] == ';';
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

    /// <summary>
    /// <c>%{77*41}</c>, <c>%{#context[...]}</c>, <c>%{(#_=...)}</c>: an OGNL expression (Struts), which starts with a
    /// word, a number or a <c>#</c> variable. A random password's <c>%{#)u+}</c> does not.
    /// </summary>
    private static bool IsOgnlExpression(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        if (j < text.Length && text[j] == '(')
        {
            j++;
        }
        if (j < text.Length && text[j] == '#')
        {
            j++;
        }
        return j < text.Length && IsWordChar(text[j])
               && text[j..Math.Min(text.Length, start + 256)].Contains('}');
    }

    /// <summary><c>{$smarty.version}</c>, <c>{php}</c>: Smarty tags that print the engine or run code.</summary>
    private static bool IsSmartyTag(ReadOnlySpan<char> text, int start)
    {
        var rest = text[start..];
        return rest.StartsWith("$smarty", StringComparison.Ordinal) || rest.StartsWith("php}", StringComparison.Ordinal);
    }

    /// <summary><c>#set(</c>, <c>#foreach(</c>: Velocity directives, a word then a parenthesis.</summary>
    private static bool IsVelocityDirective(ReadOnlySpan<char> text, int start)
    {
        var word = WordAt(text, start);
        var after = start + word.Length;
        return after < text.Length && text[after] == '(' && SyntaxVocabulary.VelocityDirectives.Contains(word);
    }

    /// <summary>
    /// <c>@(7*7)</c>, <c>@(system.io.file...)</c>, <c>@{...}</c>: a Razor expression, which needs an operator,
    /// a member access or a call inside; "call @(555)" and "@(home)" have none.
    /// </summary>
    private static bool IsRazorExpression(ReadOnlySpan<char> text, int open)
    {
        var close = text[open] == '(' ? ')' : '}';
        var limit = Math.Min(text.Length, open + MaxLookahead);
        var inner = text[(open + 1)..limit];
        var end = inner.IndexOf(close);
        if (end <= 0)
        {
            return false;
        }
        inner = inner[..end];
        return inner.IndexOfAny("+*/.(") >= 0 && inner.ContainsAnyInRange('0', 'z');
    }

    private static bool IsWebScheme(ReadOnlySpan<char> text, int colon)
    {
        var before = text[..colon];
        var scheme = before.EndsWith("https", StringComparison.Ordinal) ? 5 : before.EndsWith("http", StringComparison.Ordinal) ? 4 : 0;
        return scheme > 0 && (colon == scheme || !IsWordChar(text[colon - scheme - 1]))
               && !text[(colon + 1)..].StartsWith("//", StringComparison.Ordinal);
    }

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

    private static void AfterDollar(ReadOnlySpan<char> text, int dollar, Span<int> counts)
    {
        var j = dollar + 1;
        if (j >= text.Length)
        {
            return;
        }
        if (text[j] == '(')
        {
            ShellCommandAfter(text, j + 1, counts);
            return;
        }
        if (text[j] == '{')
        {
            var word = WordAt(text, j + 1);
            var after = j + 1 + word.Length;
            if (after < text.Length && text[after] == ':')
            {
                counts[HandcraftedFeature.LookupExpression]++;
            }
            else if (word is "ifs")
            {
                counts[HandcraftedFeature.ShellChain]++;
            }
            return;
        }
        var operatorWord = WordAt(text, j);
        if (operatorWord.Length > 0 && SyntaxVocabulary.QueryOperators.Contains(operatorWord))
        {
            counts[HandcraftedFeature.QueryOperator]++;
        }
    }

    private static void AfterSchemeSeparator(ReadOnlySpan<char> text, int authorityStart, Span<int> counts)
    {
        var end = authorityStart;
        var limit = Math.Min(text.Length, authorityStart + 256);
        while (end < limit && text[end] is not ('/' or '?' or '#' or '\\' or ' ' or '\t' or '\r' or '\n' or '"' or '\'' or '<' or '>'))
        {
            end++;
        }
        var authority = text[authorityStart..end];
        if (InternalHost.IsInternal(authority))
        {
            counts[HandcraftedFeature.InternalUrl]++;
        }
        if (InternalHost.IsObfuscatedAddress(authority))
        {
            counts[HandcraftedFeature.UrlConfusion]++;
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

    /// <summary><c>case when (1=1) then a else b end</c>: the <c>then</c> within reach makes it SQL, not "in case when".</summary>
    private static bool HasThen(ReadOnlySpan<char> text, int afterCase)
    {
        var window = text[afterCase..Math.Min(text.Length, afterCase + MaxLookahead)];
        var then = window.IndexOf("then", StringComparison.Ordinal);
        return then > 0 && !IsWordChar(window[then - 1]) && (then + 4 >= window.Length || !IsWordChar(window[then + 4]));
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

    /// <summary>After <c>or</c>/<c>and</c>: an operand, then a comparison (<c>or 1=1</c>, <c>and 'a'&lt;&gt;'b</c>, <c>or x like</c>).</summary>
    private static bool IsComparison(ReadOnlySpan<char> text, int afterKeyword)
    {
        var j = SkipSpaceAndComments(text, afterKeyword);
        if (j == afterKeyword && j < text.Length && text[j] is not ('(' or '\'' or '"'))
        {
            return false;
        }
        var limit = Math.Min(text.Length, afterKeyword + MaxLookahead);
        while (j < limit && text[j] == '(')
        {
            j++;
        }
        if (j >= limit)
        {
            return false;
        }
        if (text[j] is '\'' or '"')
        {
            var close = text[(j + 1)..limit].IndexOf(text[j]);
            if (close < 0)
            {
                return false;
            }
            j += close + 2;
        }
        else
        {
            var operand = WordAt(text, j);
            if (operand.IsEmpty)
            {
                return false;
            }
            j += operand.Length;
            while (j < limit)
            {
                if (text[j] == '.' && j + 1 < text.Length && IsWordChar(text[j + 1]))
                {
                    j += 1 + WordAt(text, j + 1).Length;
                }
                else if (text[j] == '(')
                {
                    // A call as the operand: ascii(substring(user(),1,1)) > 64.
                    var depth = 0;
                    do
                    {
                        depth += text[j] == '(' ? 1 : text[j] == ')' ? -1 : 0;
                        j++;
                    }
                    while (depth > 0 && j < limit);
                    if (depth > 0)
                    {
                        return false;
                    }
                }
                else
                {
                    break;
                }
            }
            while (j < limit && text[j] == ')')
            {
                j++;
            }
        }
        j = SkipSpaceAndComments(text, j);
        if (j >= text.Length)
        {
            return false;
        }
        if (text[j] is '=' or '>' || (text[j] == '!' && j + 1 < text.Length && text[j + 1] == '='))
        {
            return true;
        }
        if (text[j] == '<')
        {
            // "x and y</name>" is markup; "1 and 2<3", "a<>b" and "x <= 1" are comparisons.
            var after = j + 1 < text.Length ? text[j + 1] : '\0';
            return after is not ('/' or '!' or '?') && !char.IsAsciiLetterLower(after);
        }
        return WordAt(text, j) is "like" or "rlike" or "regexp" or "is" or "between" or "in" or "sounds" or "not";
    }

    /// <summary><c>order by 3</c>, <c>group by 1</c>: probing a query's column count by position.</summary>
    private static bool IsByNumber(ReadOnlySpan<char> text, int afterWord)
    {
        var j = SkipSpaceAndComments(text, afterWord);
        if (j == afterWord || WordAt(text, j) is not "by")
        {
            return false;
        }
        var k = SkipSpaceAndComments(text, j + 2);
        if (k <= j + 2 || k >= text.Length || !char.IsAsciiDigit(text[k]))
        {
            return false;
        }
        // "order by 07/07/2022", "order by 5.30pm", "order by 2022-W14", "order by 20200820", "order by 14 December":
        // a date or a time, not a column number. A column number is short and ends the clause.
        var digits = k;
        while (k < text.Length && char.IsAsciiDigit(text[k]))
        {
            k++;
        }
        if (k - digits > 3)
        {
            return false;
        }
        if (k >= text.Length)
        {
            return true;
        }
        var next = k + 1 < text.Length ? text[k + 1] : '\0';
        if (text[k] is '/' or '%' or '.' or ':' || char.IsAsciiLetter(text[k]) || (text[k] == '-' && next != '-'))
        {
            return false;
        }
        var after = SkipSpace(text, k);
        var word = WordAt(text, after);
        return after == k || word.IsEmpty || SyntaxVocabulary.OrderByFollowers.Contains(word);
    }

    /// <summary><c>user(s)</c>, <c>match(es)</c>: English, not a call.</summary>
    private static bool IsPluralSuffix(ReadOnlySpan<char> text, int parenthesis)
    {
        var rest = text[(parenthesis + 1)..];
        return rest.StartsWith("s)", StringComparison.Ordinal) || rest.StartsWith("es)", StringComparison.Ordinal);
    }

    private static bool IsTerminator(ReadOnlySpan<char> text, int j)
    {
        if (j >= text.Length)
        {
            return false;
        }
        var rest = text[j..];
        return rest[0] is ';' or '#' || rest.StartsWith("--", StringComparison.Ordinal) || rest.StartsWith("/*", StringComparison.Ordinal);
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

    /// <summary>A char above Latin-1 whose low byte is LF or CR (U+010A, U+560D, ...).</summary>
    private static bool IsLowByteLineBreak(char c) => c >= '\u0100' && (c & 0xFF) is 0x0A or 0x0D;

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    private static bool IsWordChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';
}
