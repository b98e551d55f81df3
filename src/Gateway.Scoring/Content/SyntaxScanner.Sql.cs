namespace Gateway.Scoring.Content;

/// <summary>SQL in context: a condition after a quote or a number, stacked statements, comparisons, column probes.</summary>
internal static partial class SyntaxScanner
{
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
    /// <c>'] | //user/*</c>, <c>1] | //member[1]/secret</c>: a predicate closed and a second node set joined to
    /// the query, XPath's counterpart of <c>' or</c> (counted as that flag).
    /// </summary>
    private static bool IsXPathUnion(ReadOnlySpan<char> text, int pipe)
    {
        var before = text[..pipe].TrimEnd();
        if (before.IsEmpty || before[^1] is not (']' or ')'))
        {
            return false;
        }
        var j = SkipSpace(text, pipe + 1);
        return j + 2 < text.Length && text[j] == '/' && text[j + 1] == '/'
               && (char.IsAsciiLetterLower(text[j + 2]) || text[j + 2] is '*' or '@');
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

    /// <summary><c>case when (1=1) then a else b end</c>: the <c>then</c> within reach makes it SQL, not "in case when".</summary>
    private static bool HasThen(ReadOnlySpan<char> text, int afterCase)
    {
        var window = text[afterCase..Math.Min(text.Length, afterCase + MaxLookahead)];
        var then = window.IndexOf("then", StringComparison.Ordinal);
        return then > 0 && !IsWordChar(window[then - 1]) && (then + 4 >= window.Length || !IsWordChar(window[then + 4]));
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
}
