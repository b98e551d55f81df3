using System.Buffers;
using System.Text;

namespace Gateway.Scoring.Content;

/// <summary>
/// Schema <c>content-v1</c>: hashed character 1–3-grams of the decoded path and of the decoded
/// arguments (query and body share one region), followed by <see cref="HandcraftedFeature"/> counts.
/// Stateless and thread-safe; register one instance.
/// </summary>
/// <remarks>
/// Only method-independent content is used: the same payload sent as a GET query or as a form body
/// yields the same vector. Headers are not inputs at all; in the training data they are artefacts
/// of the capture (one host, session cookies, a fixed header set) that would not carry over.
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
        var shape = default(RawShape);
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

            shape.PathLength = rawPath.Length;
            shape.ArgumentsLength = rawQuery.Length + body.Length;
            shape.Arguments.Measure(query);
            if (formBody)
            {
                shape.Arguments.Measure(bodyText);
            }

            path = Decode(path, plusIsSpace: false, ref evidence);
            var pathGrams = new NGramBuckets(
                features.Slice(ContentFeatureLayout.PathOffset, ContentFeatureLayout.PathBuckets),
                stackalloc ushort[ContentFeatureLayout.PathBuckets]);
            var arguments = new ArgumentFeatures(
                new NGramBuckets(
                    features.Slice(ContentFeatureLayout.NameOffset, ContentFeatureLayout.NameBuckets),
                    stackalloc ushort[ContentFeatureLayout.NameBuckets]),
                new NGramBuckets(
                    features.Slice(ContentFeatureLayout.ValueOffset, ContentFeatureLayout.ValueBuckets),
                    stackalloc ushort[ContentFeatureLayout.ValueBuckets]),
                new HandcraftedCounter(stackalloc int[HandcraftedFeature.Count]));

            pathGrams.Add(path);
            arguments.Counter.Add(path);
            arguments.Counter.AddPathShape(path);
            AddPairs(query, ref arguments, ref evidence);
            if (formBody)
            {
                AddPairs(bodyText, ref arguments, ref evidence);
            }
            else
            {
                arguments.AddValue(Decode(bodyText, plusIsSpace: false, ref evidence));
            }

            pathGrams.Normalize();
            arguments.Names.Normalize();
            arguments.Values.Normalize();
            arguments.Counter.Write(shape, evidence, features[ContentFeatureLayout.HandcraftedOffset..]);
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
            arguments.AddName(Decode(pair[..equals], plusIsSpace: true, ref evidence));
            arguments.AddValue(Decode(pair[(equals + 1)..], plusIsSpace: true, ref evidence));
        }
    }

    private static Span<char> Decode(Span<char> text, bool plusIsSpace, scoped ref DecodeEvidence evidence)
    {
        var length = PayloadDecoder.PercentDecode(text, plusIsSpace, ref evidence);
        length = PayloadDecoder.Fold(text[..length], ref evidence);
        return text[..length];
    }

    private static bool IsForm(string? contentType) =>
        contentType is not null
        && contentType.AsSpan().TrimStart().StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
