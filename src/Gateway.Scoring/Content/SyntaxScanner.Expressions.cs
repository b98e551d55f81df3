namespace Gateway.Scoring.Content;

/// <summary>Expression languages: lookups (<c>${jndi:</c>), query operators (<c>$ne</c>) and template syntax.</summary>
internal static partial class SyntaxScanner
{
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
}
