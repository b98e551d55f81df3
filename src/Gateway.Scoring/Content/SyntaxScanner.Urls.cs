namespace Gateway.Scoring.Content;

/// <summary>URLs sent as values: where their host points.</summary>
internal static partial class SyntaxScanner
{
    /// <summary>The colon ends <c>http</c> or <c>https</c> as a word, and what follows is not already <c>//</c>.</summary>
    private static bool IsWebScheme(ReadOnlySpan<char> text, int colon)
    {
        var before = text[..colon];
        var scheme = before.EndsWith("https", StringComparison.Ordinal) ? 5 : before.EndsWith("http", StringComparison.Ordinal) ? 4 : 0;
        return scheme > 0 && (colon == scheme || !IsWordChar(text[colon - scheme - 1]))
               && !text[(colon + 1)..].StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>An authority that points inside the network, or an IPv4 host spelled to slip past a text comparison.</summary>
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
}
