namespace Gateway.Scoring.Content;

internal static class JsonBodyReader
{
    /// <summary>
    /// Feeds every string of a JSON document as its own field, unescaped as the back end's parser would
    /// see it: object keys as names, all other strings as values. The document's own quotes, colons and
    /// braces never reach the features, so <c>{"note":"or best offer"}</c> is not a quote followed by
    /// <c>or</c>. Numbers and literals carry no payload a JSON parser would accept. A truncated document
    /// (the body is read up to a bound) simply ends its last string early. The string under a
    /// <c>query</c> key that is a GraphQL document is read literal by literal (<see cref="GraphQlDocumentReader"/>).
    /// </summary>
    public static void Read(Span<char> body, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        var strings = new JsonStrings(body);
        var afterQueryKey = false;
        while (strings.MoveNext(out var text, out var isKey, out _))
        {
            var unescaped = text[..PayloadDecoder.JsonUnescape(text)];
            if (!isKey && afterQueryKey && GraphQlDocumentReader.LooksLikeDocument(unescaped)
                && GraphQlDocumentReader.TryRead(unescaped, decodeLiterals: true, ref arguments, ref evidence))
            {
                afterQueryKey = false;
                continue;
            }
            var decoded = ContentDecoding.Decode(unescaped, plusIsSpace: false, ref evidence);
            afterQueryKey = isKey && decoded.SequenceEqual("query");
            if (isKey)
            {
                arguments.AddName(decoded);
            }
            else
            {
                arguments.AddValue(decoded);
            }
        }
    }
}
