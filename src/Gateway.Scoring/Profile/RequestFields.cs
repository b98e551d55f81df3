using System.Buffers;
using System.Text;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.Profile;

/// <summary>
/// Walks a request as an application sees it: the decoded path, then every <c>name=value</c> of the
/// query and of a form body, and every <c>"key": "string"</c> pair of a JSON body, each decoded the
/// way the content extractor decodes it (percent-decoding rounds, <c>+</c>, UTF-8 regrouped, folded),
/// so the profile and the model agree on what a value is. What it cannot split into fields (an XML or
/// multipart body) it reports as unread. Bounded: the same limits as the extractor.
/// </summary>
internal static class RequestFields
{
    private const int ScratchChars =
        ContentFeatureLayout.MaxPathChars + ContentFeatureLayout.MaxQueryChars + ContentFeatureLayout.MaxBodyChars;

    public static void Visit<TVisitor>(in RequestContent content, ref TVisitor visitor) where TVisitor : IFieldVisitor
    {
        var target = (content.Target ?? string.Empty).AsSpan();
        if (!target.IsEmpty && target[0] != '/')
        {
            // Absolute form (proxy style): keep what follows the authority.
            var scheme = target.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0)
            {
                var rest = target[(scheme + 3)..];
                var start = rest.IndexOfAny('/', '?');
                target = start < 0 ? "/" : rest[start..];
            }
        }
        var fragment = target.IndexOf('#');
        if (fragment >= 0)
        {
            target = target[..fragment];
        }
        var queryStart = target.IndexOf('?');
        var rawPath = queryStart < 0 ? target : target[..queryStart];
        var rawQuery = queryStart < 0 ? default : target[(queryStart + 1)..];

        var scratch = ArrayPool<char>.Shared.Rent(ScratchChars);
        try
        {
            var evidence = default(DecodeEvidence);
            var path = Copy(rawPath, scratch.AsSpan(0, ContentFeatureLayout.MaxPathChars));
            visitor.Path(Decode(path, plusIsSpace: false, ref evidence));
            var query = Copy(rawQuery, scratch.AsSpan(ContentFeatureLayout.MaxPathChars, ContentFeatureLayout.MaxQueryChars));
            VisitPairs(query, ref visitor, ref evidence);

            var bodyBytes = content.Body.Span;
            if (bodyBytes.IsEmpty)
            {
                return;
            }
            var bodyBuffer = scratch.AsSpan(ContentFeatureLayout.MaxPathChars + ContentFeatureLayout.MaxQueryChars, ContentFeatureLayout.MaxBodyChars);
            if (bodyBytes.Length > bodyBuffer.Length)
            {
                bodyBytes = bodyBytes[..bodyBuffer.Length];
            }
            var body = bodyBuffer[..Encoding.Latin1.GetChars(bodyBytes, bodyBuffer)];
            if (MediaTypes.Is(content.ContentType, "application/x-www-form-urlencoded"))
            {
                VisitPairs(body, ref visitor, ref evidence);
            }
            else if (MediaTypes.IsJson(content.ContentType))
            {
                VisitJson(body, ref visitor, ref evidence);
            }
            else
            {
                visitor.Unread();
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    private static Span<char> Copy(ReadOnlySpan<char> source, Span<char> buffer)
    {
        source = source.Length > buffer.Length ? source[..buffer.Length] : source;
        source.CopyTo(buffer);
        return buffer[..source.Length];
    }

    /// <summary>Split as sent, then decode each side on its own (an encoded <c>%26</c> stays in its value).</summary>
    private static void VisitPairs<TVisitor>(Span<char> raw, ref TVisitor visitor, ref DecodeEvidence evidence) where TVisitor : IFieldVisitor
    {
        while (!raw.IsEmpty)
        {
            var end = raw.IndexOf('&');
            var pair = end < 0 ? raw : raw[..end];
            raw = end < 0 ? default : raw[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? Span<char>.Empty : pair[(equals + 1)..];
            visitor.Field(Decode(name, plusIsSpace: true, ref evidence), Decode(value, plusIsSpace: true, ref evidence));
        }
    }

    /// <summary>Every <c>"key": "string"</c> pair at any depth; numbers and literals carry no payload.</summary>
    private static void VisitJson<TVisitor>(Span<char> body, ref TVisitor visitor, ref DecodeEvidence evidence) where TVisitor : IFieldVisitor
    {
        Span<char> key = default;
        var strings = new JsonStrings(body);
        while (strings.MoveNext(out var text, out var isKey, out var separatorBefore))
        {
            if (separatorBefore)
            {
                key = default;
            }
            text = Decode(text[..PayloadDecoder.JsonUnescape(text)], plusIsSpace: false, ref evidence);
            if (isKey)
            {
                key = text;
            }
            else if (!key.IsEmpty)
            {
                visitor.Field(key, text);
            }
            else
            {
                // An array's later items, a top-level string: content the profile has no field for.
                visitor.Unread();
            }
        }
    }

    private static Span<char> Decode(Span<char> text, bool plusIsSpace, scoped ref DecodeEvidence evidence)
    {
        var length = PayloadDecoder.PercentDecode(text, plusIsSpace, ref evidence);
        length = PayloadDecoder.Fold(text[..length], ref evidence);
        return text[..length];
    }
}
