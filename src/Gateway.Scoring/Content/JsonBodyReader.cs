namespace Gateway.Scoring.Content;

internal static class JsonBodyReader
{
    /// <summary>
    /// Feeds every string of a JSON document as its own field, unescaped as the back end's parser would
    /// see it: object keys as names, all other strings as values. The document's own quotes, colons and
    /// braces never reach the features, so <c>{"note":"or best offer"}</c> is not a quote followed by
    /// <c>or</c>. Numbers and literals carry no payload a JSON parser would accept. A truncated document
    /// (the body is read up to a bound) simply ends its last string early.
    /// </summary>
    public static void Read(Span<char> body, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] != '"')
            {
                i++;
                continue;
            }
            var end = i + 1;
            while (end < body.Length && body[end] != '"')
            {
                end += body[end] == '\\' ? 2 : 1;
            }
            end = Math.Min(end, body.Length);
            var next = end + 1;
            while (next < body.Length && body[next] is ' ' or '\t' or '\r' or '\n')
            {
                next++;
            }
            var isKey = next < body.Length && body[next] == ':';
            var text = body[(i + 1)..end];
            text = ContentDecoding.Decode(text[..PayloadDecoder.JsonUnescape(text)], plusIsSpace: false, ref evidence);
            if (isKey)
            {
                arguments.AddName(text);
            }
            else
            {
                arguments.AddValue(text);
            }
            i = end + 1;
        }
    }
}
