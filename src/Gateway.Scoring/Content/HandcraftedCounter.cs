namespace Gateway.Scoring.Content;

/// <summary>
/// Counts the characters, operators and keywords of decoded text that injections need, then
/// writes them as <see cref="HandcraftedFeature"/> values. One pass per text, no allocation.
/// </summary>
internal ref struct HandcraftedCounter
{
    private readonly Span<int> _counts;

    /// <param name="counts">Scratch of <see cref="HandcraftedFeature.Count"/> zeroed ints.</param>
    public HandcraftedCounter(Span<int> counts) => _counts = counts;

    /// <summary>Counts one decoded, folded field: the path, one argument name or value, or a body that is not a form.</summary>
    /// <param name="countKeywords">
    /// False for the path and argument names: their words (<c>admin</c>, <c>config</c>, <c>host</c>, <c>file</c>) are the
    /// application's vocabulary, as their n-grams would be; what an attack puts there is still seen by the
    /// symbol counts and the syntax flags (<c>../</c>, <c>etc/passwd</c>, <c>__proto__</c>).
    /// </param>
    public void Add(scoped ReadOnlySpan<char> text, bool countKeywords = true)
    {
        var tokenStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                if (tokenStart < 0)
                {
                    tokenStart = i;
                }
                continue;
            }
            if (tokenStart >= 0)
            {
                if (countKeywords)
                {
                    CountKeyword(text[tokenStart..i]);
                }
                tokenStart = -1;
            }
            CountSymbol(text, i, c, i + 1 < text.Length ? text[i + 1] : '\0');
        }
        if (tokenStart >= 0 && countKeywords)
        {
            CountKeyword(text[tokenStart..]);
        }
        SyntaxScanner.Scan(text, _counts);
        PayloadMarkers.Scan(text, _counts);
    }

    /// <summary>What only an argument value can be: a redirect target (<see cref="PayloadMarkers.ScanValue"/>).</summary>
    public void AddValueShape(scoped ReadOnlySpan<char> value) => PayloadMarkers.ScanValue(value, _counts);

    /// <summary>Counts what only the path has: doubled slashes and a backup or config file extension.</summary>
    public void AddPathShape(ReadOnlySpan<char> path)
    {
        if (path.Contains("//", StringComparison.Ordinal))
        {
            _counts[HandcraftedFeature.DoubleSlash] = 1;
        }
        var segment = path[(path.LastIndexOf('/') + 1)..];
        var dot = segment.LastIndexOf('.');
        if ((segment.Length > 0 && segment[^1] == '~')
            || (dot >= 0 && ContentVocabulary.IsSuspiciousExtension(segment[(dot + 1)..])))
        {
            _counts[HandcraftedFeature.SuspiciousExtension] = 1;
        }
    }

    public readonly void Write(in DecodeEvidence evidence, Span<float> destination)
    {
        for (var i = 0; i < HandcraftedFeature.Count; i++)
        {
            if (HandcraftedFeature.IsFlag(i))
            {
                var hidden = (evidence.HiddenFlags & (1UL << (i - HiddenReadings.FirstFlag))) != 0;
                destination[i] = _counts[i] > 0 || hidden ? 1 : 0;
            }
            else
            {
                destination[i] = MathF.Log(1 + _counts[i]);
            }
        }
        destination[HandcraftedFeature.DecodeRounds] = evidence.Rounds / (float)ContentFeatureLayout.MaxDecodeRounds;
        destination[HandcraftedFeature.MultipleEncoding] = evidence.Rounds >= 2 ? 1 : 0;
        destination[HandcraftedFeature.PercentU] = evidence.PercentU ? 1 : 0;
        destination[HandcraftedFeature.OverlongUtf8] = evidence.OverlongUtf8 ? 1 : 0;
        destination[HandcraftedFeature.Fullwidth] = evidence.Fullwidth ? 1 : 0;
        destination[HandcraftedFeature.MalformedPercent] = MathF.Log(1 + evidence.MalformedPercent);
        destination[HandcraftedFeature.Truncated] = evidence.Truncated ? 1 : 0;
        destination[HandcraftedFeature.EscapedUnreserved] = evidence.EscapedUnreserved ? 1 : 0;
        destination[HandcraftedFeature.SuspiciousExtension] = _counts[HandcraftedFeature.SuspiciousExtension];
        destination[HandcraftedFeature.DoubleSlash] = _counts[HandcraftedFeature.DoubleSlash];
    }

    private void CountSymbol(scoped ReadOnlySpan<char> text, int i, char c, char next)
    {
        switch (c)
        {
            case '\'': _counts[HandcraftedFeature.SingleQuote]++; break;
            case '"': _counts[HandcraftedFeature.DoubleQuote]++; break;
            case '`': _counts[HandcraftedFeature.Backtick]++; break;
            case '<': _counts[HandcraftedFeature.AngleOpen]++; break;
            case '>': _counts[HandcraftedFeature.AngleClose]++; break;
            case '(' or ')': _counts[HandcraftedFeature.Parenthesis]++; break;
            case ';': _counts[HandcraftedFeature.Semicolon]++; break;
            case '|': _counts[HandcraftedFeature.Pipe]++; break;
            case '#': _counts[HandcraftedFeature.Hash]++; break;
            case '\\': _counts[HandcraftedFeature.Backslash]++; break;
            case '\0': _counts[HandcraftedFeature.Nul]++; break;
            case '\r' or '\n': _counts[HandcraftedFeature.LineBreak]++; break;
            case '{' or '}': _counts[HandcraftedFeature.Brace]++; break;
            case '[' or ']': _counts[HandcraftedFeature.Bracket]++; break;
            case '*': _counts[HandcraftedFeature.Asterisk]++; break;
            case '%': _counts[HandcraftedFeature.PercentLeft]++; break;
            case '=': _counts[HandcraftedFeature.EqualsSign]++; break;
            case ':': _counts[HandcraftedFeature.Colon]++; break;
            case ' ' or '\t': _counts[HandcraftedFeature.Whitespace]++; break;
            case '$' when next == '(': _counts[HandcraftedFeature.DollarParenthesis]++; break;
            case '$' when next == '{': _counts[HandcraftedFeature.DollarBrace]++; break;
            case '-' when next == '-': _counts[HandcraftedFeature.DoubleDash]++; break;
            case '/' when next == '*': _counts[HandcraftedFeature.CommentOpen]++; break;
            case '.' when next == '.' && i + 2 < text.Length
                          && (text[i + 2] is '/' or '\\' || (text[i + 2] == ';' && i + 3 < text.Length && text[i + 3] is '/' or '\\')):
                // ..;/ too: Tomcat and Spring drop the path parameter after the normalizer has looked.
                _counts[HandcraftedFeature.DotDotSlash]++;
                break;
            case < ' ' or '\x7f': _counts[HandcraftedFeature.OtherControl]++; break;
        }
    }

    private void CountKeyword(scoped ReadOnlySpan<char> word)
    {
        if (word.Length > ContentVocabulary.MaxWordLength)
        {
            return;
        }
        var family = ContentVocabulary.Classify(word);
        if (family == KeywordClass.None)
        {
            return;
        }
        if ((family & KeywordClass.Sql) != 0)
        {
            _counts[HandcraftedFeature.SqlKeywords]++;
        }
        if ((family & KeywordClass.Xss) != 0)
        {
            _counts[HandcraftedFeature.XssKeywords]++;
        }
        if ((family & KeywordClass.Shell) != 0)
        {
            _counts[HandcraftedFeature.ShellKeywords]++;
        }
        if ((family & KeywordClass.File) != 0)
        {
            _counts[HandcraftedFeature.FileKeywords]++;
        }
        if ((family & KeywordClass.Code) != 0)
        {
            _counts[HandcraftedFeature.CodeKeywords]++;
        }
    }

    private static bool IsWordChar(char c) =>
        (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';
}
