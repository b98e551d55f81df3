namespace Gateway.Scoring.Content;

/// <summary>Shell command lines after a separator, and Shellshock.</summary>
internal static partial class SyntaxScanner
{
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
}
