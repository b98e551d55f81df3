namespace Gateway.Scoring.Content;

/// <summary>
/// Reads a GraphQL document (the <c>query</c> of a GraphQL request) as its server would: a client's
/// data can only sit in string literals, so each literal becomes a value and the rest (operation,
/// field and argument names, variables, punctuation) is the API's schema, which says nothing about
/// the client. Without this, <c>mutation Import($url: String!)</c> reads as a call to <c>import(</c>
/// and every brace and <c>$</c> as injected syntax.
/// </summary>
/// <remarks>
/// Only a document that lexes as GraphQL is read this way: one character outside GraphQL's lexical
/// grammar (a quote-less <c>'</c>, <c>;</c>, <c>&lt;</c>, <c>/</c>, <c>%</c>), an unterminated string
/// or unbalanced brackets and the caller scores the whole text as one value, as before. So a payload
/// cannot hide outside the literals: a server would reject such a document anyway, and the gateway
/// still sees it verbatim. Linear, no allocation.
/// </remarks>
internal static class GraphQlDocumentReader
{
    private const int MaxDepth = 64;

    /// <summary>The document starts like an executable or fragment definition (<c>query</c>, <c>mutation</c>, <c>{</c> …).</summary>
    public static bool LooksLikeDocument(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart(" \t\r\n,\uFEFF");
        while (!trimmed.IsEmpty && trimmed[0] == '#')
        {
            trimmed = trimmed[LineEnd(trimmed, 0)..].TrimStart(" \t\r\n,\uFEFF");
        }
        return trimmed.StartsWith('{') || StartsWithKeyword(trimmed, "query") || StartsWithKeyword(trimmed, "mutation")
            || StartsWithKeyword(trimmed, "subscription") || StartsWithKeyword(trimmed, "fragment");
    }

    /// <summary>
    /// Adds every string literal of <paramref name="document"/> as a value, unescaped and decoded like
    /// any other value. Returns false, having added nothing, when the text is not a GraphQL document.
    /// </summary>
    /// <param name="decodeLiterals">False when the document was already percent-decoded as a whole (a GET query).</param>
    public static bool TryRead(Span<char> document, bool decodeLiterals, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        if (!Lexes(document))
        {
            return false;
        }
        var i = 0;
        while (i < document.Length)
        {
            var c = document[i];
            if (c == '#')
            {
                i = LineEnd(document, i);
                continue;
            }
            if (c != '"')
            {
                i++;
                continue;
            }
            Span<char> literal;
            if (IsBlockQuote(document, i))
            {
                var end = BlockStringEnd(document, i + 3);
                literal = document[(i + 3)..end];
                i = end + 3;
            }
            else
            {
                var end = StringEnd(document, i + 1);
                literal = document[(i + 1)..end];
                literal = literal[..PayloadDecoder.JsonUnescape(literal)];
                i = end + 1;
            }
            arguments.AddValue(decodeLiterals
                ? ContentDecoding.Decode(literal, plusIsSpace: false, ref evidence)
                : literal);
        }
        return true;
    }

    /// <summary>Every character outside literals and comments is GraphQL's; strings end; brackets balance.</summary>
    private static bool Lexes(ReadOnlySpan<char> document)
    {
        var depth = 0;
        var i = 0;
        while (i < document.Length)
        {
            var c = document[i];
            switch (c)
            {
                case '#':
                    i = LineEnd(document, i);
                    continue;
                case '"':
                    if (IsBlockQuote(document, i))
                    {
                        var blockEnd = BlockStringEnd(document, i + 3);
                        if (blockEnd >= document.Length)
                        {
                            return false;
                        }
                        i = blockEnd + 3;
                        continue;
                    }
                    var end = StringEnd(document, i + 1);
                    if (end >= document.Length)
                    {
                        return false;
                    }
                    i = end + 1;
                    continue;
                case '{' or '(' or '[':
                    if (++depth > MaxDepth)
                    {
                        return false;
                    }
                    break;
                case '}' or ')' or ']':
                    if (--depth < 0)
                    {
                        return false;
                    }
                    break;
                default:
                    if (!IsLexicalChar(c))
                    {
                        return false;
                    }
                    break;
            }
            i++;
        }
        return depth == 0;
    }

    /// <summary>Names, numbers, white space, commas and the punctuators <c>! $ &amp; : = @ | . -  +</c>.</summary>
    private static bool IsLexicalChar(char c) =>
        char.IsAsciiLetter(c) || char.IsAsciiDigit(c)
        || c is '_' or ' ' or '\t' or '\r' or '\n' or ',' or '!' or '$' or '&' or ':' or '=' or '@' or '|' or '.' or '-' or '+' or '\uFEFF';

    private static bool StartsWithKeyword(ReadOnlySpan<char> text, string keyword) =>
        text.StartsWith(keyword, StringComparison.Ordinal)
        && (text.Length == keyword.Length || !(char.IsAsciiLetterOrDigit(text[keyword.Length]) || text[keyword.Length] == '_'));

    private static bool IsBlockQuote(ReadOnlySpan<char> text, int i) =>
        i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"';

    /// <returns>The index of the closing quote, or the text's length when the string does not end.</returns>
    private static int StringEnd(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        while (j < text.Length && text[j] != '"')
        {
            if (text[j] is '\n' or '\r')
            {
                return text.Length;
            }
            j += text[j] == '\\' ? 2 : 1;
        }
        return Math.Min(j, text.Length);
    }

    /// <returns>The index of the closing <c>"""</c>, or the text's length.</returns>
    private static int BlockStringEnd(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        while (j + 2 < text.Length)
        {
            if (text[j] == '\\' && text[(j + 1)..].StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                j += 4;
                continue;
            }
            if (text[j] == '"' && text[j + 1] == '"' && text[j + 2] == '"')
            {
                return j;
            }
            j++;
        }
        return text.Length;
    }

    private static int LineEnd(ReadOnlySpan<char> text, int start)
    {
        var end = text[start..].IndexOfAny('\n', '\r');
        return end < 0 ? text.Length : start + end;
    }
}
