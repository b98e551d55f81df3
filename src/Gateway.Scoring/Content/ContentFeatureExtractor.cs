using System.Buffers;
using System.Text;

namespace Gateway.Scoring.Content;

/// <summary>
/// Schema <c>content-v4</c>: hashed character 1–3-grams of the decoded argument values (query and
/// body share one region), followed by <see cref="HandcraftedFeature"/> counts of injection syntax
/// over the path, every argument name and every value. Stateless and thread-safe; register one instance.
/// </summary>
/// <remarks>
/// Only method-independent content is used: the same payload sent as a GET query or as a form body
/// yields the same vector. Headers are not inputs at all; in the training data they are artefacts
/// of the capture (one host, session cookies, a fixed header set) that would not carry over.
/// Nor is anything that describes the application rather than the payload: no n-grams of the path or
/// of argument names, no sizes or character ratios. A model trained on one site learns that site's
/// URLs and field names from those, and then flags every request to any other site.
/// </remarks>
internal sealed class ContentFeatureExtractor : IContentFeatureExtractor
{
    private const int ScratchChars =
        ContentFeatureLayout.MaxPathChars + ContentFeatureLayout.MaxQueryChars + ContentFeatureLayout.MaxBodyChars;

    private static readonly SearchValues<char> SchemeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    public string SchemaVersion => ContentFeatureLayout.SchemaVersion;

    public int FeatureCount => ContentFeatureLayout.FeatureCount;

    public void Extract(in RequestContent content, Span<float> destination)
    {
        if (destination.Length < ContentFeatureLayout.FeatureCount)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} values; the extractor writes {ContentFeatureLayout.FeatureCount}.",
                nameof(destination));
        }
        var features = destination[..ContentFeatureLayout.FeatureCount];
        features.Clear();

        var evidence = default(DecodeEvidence);
        var target = OriginForm((content.Target ?? string.Empty).AsSpan());
        if (target.Length > ContentFeatureLayout.MaxTargetChars)
        {
            target = target[..ContentFeatureLayout.MaxTargetChars];
            evidence.Truncated = true;
        }
        var queryStart = target.IndexOf('?');
        var rawPath = queryStart < 0 ? target : target[..queryStart];
        var rawQuery = queryStart < 0 ? default : target[(queryStart + 1)..];
        var fragment = rawQuery.IndexOf('#');
        if (fragment >= 0)
        {
            rawQuery = rawQuery[..fragment];
        }
        var body = content.Body.Span;
        var formBody = IsForm(content.ContentType);

        var scratch = ArrayPool<char>.Shared.Rent(ScratchChars);
        try
        {
            var path = Copy(rawPath, scratch.AsSpan(0, ContentFeatureLayout.MaxPathChars), ref evidence);
            var query = Copy(rawQuery, scratch.AsSpan(ContentFeatureLayout.MaxPathChars, ContentFeatureLayout.MaxQueryChars), ref evidence);
            var bodyText = Widen(body, scratch.AsSpan(ContentFeatureLayout.MaxPathChars + ContentFeatureLayout.MaxQueryChars, ContentFeatureLayout.MaxBodyChars), ref evidence);

            // Checked as sent, before any decoding: the escape itself is the evidence. JSON, XML and
            // multipart values are not URL-encoded on the wire, so a "%41" there is typed text.
            evidence.EscapedUnreserved = PayloadDecoder.EscapesUnreserved(path) || PayloadDecoder.EscapesUnreserved(query)
                || (formBody && PayloadDecoder.EscapesUnreserved(bodyText));
            path = Decode(path, plusIsSpace: false, ref evidence);
            var arguments = new ArgumentFeatures(
                new NGramBuckets(
                    features.Slice(ContentFeatureLayout.ValueOffset, ContentFeatureLayout.ValueBuckets),
                    stackalloc ushort[ContentFeatureLayout.ValueBuckets]),
                new HandcraftedCounter(stackalloc int[HandcraftedFeature.Count]));

            arguments.Counter.Add(path, countKeywords: false);
            arguments.Counter.AddPathShape(path);
            AddPairs(query, ref arguments, ref evidence);
            if (formBody)
            {
                AddPairs(bodyText, ref arguments, ref evidence);
            }
            else if (MediaTypes.IsJson(content.ContentType) && LooksLikeJson(bodyText))
            {
                JsonBodyReader.Read(bodyText, ref arguments, ref evidence);
            }
            else if (MediaTypes.Is(content.ContentType, "application/graphql")
                     && GraphQlDocumentReader.TryRead(bodyText, decodeLiterals: true, ref arguments, ref evidence))
            {
            }
            else if (MultipartBodyReader.Boundary(content.ContentType) is { IsEmpty: false } boundary
                     && MultipartBodyReader.Read(bodyText, boundary, ref arguments, ref evidence))
            {
            }
            else if (MediaTypes.IsXml(content.ContentType) && bodyText.TrimStart().StartsWith('<'))
            {
                XmlBodyReader.Read(bodyText, ref arguments, ref evidence);
            }
            else
            {
                arguments.AddValue(Decode(bodyText, plusIsSpace: false, ref evidence));
            }

            arguments.Values.Normalize();
            arguments.Counter.Write(evidence, features[ContentFeatureLayout.HandcraftedOffset..]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    /// <summary>Drops <c>scheme://authority</c> from an absolute-form target (proxy style); the host is never a feature.</summary>
    private static ReadOnlySpan<char> OriginForm(ReadOnlySpan<char> target)
    {
        if (target.IsEmpty || target[0] == '/')
        {
            return target;
        }
        var head = target[..Math.Min(target.Length, 16)];
        var separator = head.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0 || head[..separator].ContainsAnyExcept(SchemeChars))
        {
            return target;
        }
        var afterScheme = target[(separator + 3)..];
        var pathStart = afterScheme.IndexOfAny('/', '?');
        return pathStart < 0 ? "/" : afterScheme[pathStart..];
    }

    private static Span<char> Copy(ReadOnlySpan<char> source, Span<char> buffer, ref DecodeEvidence evidence)
    {
        if (source.Length > buffer.Length)
        {
            source = source[..buffer.Length];
            evidence.Truncated = true;
        }
        source.CopyTo(buffer);
        return buffer[..source.Length];
    }

    /// <summary>Body bytes become one char each (Latin-1); <see cref="PayloadDecoder.Fold"/> regroups UTF-8 later.</summary>
    private static Span<char> Widen(ReadOnlySpan<byte> body, Span<char> buffer, ref DecodeEvidence evidence)
    {
        if (body.Length > buffer.Length)
        {
            body = body[..buffer.Length];
            evidence.Truncated = true;
        }
        var written = Encoding.Latin1.GetChars(body, buffer);
        return buffer[..written];
    }

    /// <summary>
    /// Splits <c>name=value&amp;...</c> as sent, then decodes each name and value in place on its own,
    /// so that an encoded <c>%26</c> or <c>%3D</c> inside a value stays part of that value.
    /// A part without <c>=</c> is content (<c>?green+tea</c>), so it counts as a value.
    /// </summary>
    private static void AddPairs(Span<char> raw, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        while (!raw.IsEmpty)
        {
            var end = raw.IndexOf('&');
            var pair = end < 0 ? raw : raw[..end];
            raw = end < 0 ? default : raw[(end + 1)..];
            var equals = pair.IndexOf('=');
            if (equals < 0)
            {
                arguments.AddValue(Decode(pair, plusIsSpace: true, ref evidence));
                continue;
            }
            var name = Decode(pair[..equals], plusIsSpace: true, ref evidence);
            arguments.AddName(name);
            var value = Decode(pair[(equals + 1)..], plusIsSpace: true, ref evidence);
            // GET /graphql?query={...}: the document was decoded whole, so its literals are not decoded again.
            if (name.SequenceEqual("query") && GraphQlDocumentReader.LooksLikeDocument(value)
                && GraphQlDocumentReader.TryRead(value, decodeLiterals: false, ref arguments, ref evidence))
            {
                continue;
            }
            arguments.AddValue(value);
        }
    }

    /// <summary>An object or array, as a JSON API sends; anything else labelled JSON is treated as plain text.</summary>
    private static bool LooksLikeJson(ReadOnlySpan<char> body)
    {
        var trimmed = body.TrimStart();
        return !trimmed.IsEmpty && trimmed[0] is '{' or '[';
    }

    private static Span<char> Decode(Span<char> text, bool plusIsSpace, scoped ref DecodeEvidence evidence) =>
        ContentDecoding.Decode(text, plusIsSpace, ref evidence);

    private static bool IsForm(string? contentType) =>
        contentType is not null
        && contentType.AsSpan().TrimStart().StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
