namespace Gateway.Scoring.Content;

/// <summary>
/// Reads a <c>multipart/form-data</c> body part by part, as the application's form parser does: each
/// part's field name is a name; an uploaded file's name is a value; a text part's content is a value
/// (a JSON or XML part is read as such). Binary parts (images, archives, PDFs) carry no content features:
/// their bytes are not a client's words. The part headers and boundaries never reach the features,
/// so an ordinary upload no longer looks like one odd string full of quotes and line breaks.
/// </summary>
internal static class MultipartBodyReader
{
    private const int MaxBoundaryChars = 70;  // RFC 2046

    /// <summary>The <c>boundary</c> parameter of a multipart/form-data content type, or empty.</summary>
    public static ReadOnlySpan<char> Boundary(string? contentType)
    {
        var type = (contentType ?? string.Empty).AsSpan();
        if (!type.TrimStart().StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }
        var at = type.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return default;
        }
        var value = type[(at + 9)..];
        var end = value.IndexOf(';');
        value = (end < 0 ? value : value[..end]).Trim().Trim('"');
        return value.Length is > 0 and <= MaxBoundaryChars ? value : default;
    }

    /// <returns>False when the body holds no part with this boundary (the caller reads it as text).</returns>
    public static bool Read(Span<char> body, ReadOnlySpan<char> boundary, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        Span<char> delimiter = stackalloc char[MaxBoundaryChars + 2];
        delimiter[0] = delimiter[1] = '-';
        boundary.CopyTo(delimiter[2..]);
        delimiter = delimiter[..(boundary.Length + 2)];

        var start = body.IndexOf(delimiter);
        if (start < 0)
        {
            return false;
        }
        var rest = body[(start + delimiter.Length)..];
        while (!rest.IsEmpty && !rest.StartsWith("--"))
        {
            var next = rest.IndexOf(delimiter);
            var part = next < 0 ? rest : rest[..next];
            ReadPart(part, ref arguments, ref evidence);
            if (next < 0)
            {
                break;
            }
            rest = rest[(next + delimiter.Length)..];
        }
        return true;
    }

    private static void ReadPart(Span<char> part, ref ArgumentFeatures arguments, ref DecodeEvidence evidence)
    {
        part = TrimLineBreak(part, leading: true);
        var headerEnd = part.IndexOf("\r\n\r\n");
        var separator = 4;
        if (headerEnd < 0)
        {
            headerEnd = part.IndexOf("\n\n");
            separator = 2;
        }
        if (headerEnd < 0)
        {
            return;
        }
        var headers = part[..headerEnd];
        var content = TrimLineBreak(part[(headerEnd + separator)..], leading: false);

        Span<char> name = default, fileName = default;
        ReadOnlySpan<char> contentType = default;
        foreach (var line in new SpanLineSplitter(headers))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            var header = line[..colon].Trim();
            if (header.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                name = Parameter(line, "name");
                fileName = Parameter(line, "filename");
            }
            else if (header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = line[(colon + 1)..].Trim();
            }
        }
        if (!name.IsEmpty)
        {
            arguments.AddName(ContentDecoding.Decode(name, plusIsSpace: false, ref evidence));
        }
        if (!fileName.IsEmpty)
        {
            arguments.AddValue(ContentDecoding.Decode(fileName, plusIsSpace: false, ref evidence));
        }
        if (content.IsEmpty)
        {
            return;
        }
        // A part whose bytes are markup is read as markup whatever it claims to be: an SVG or HTML file
        // sent as image/png is served back by content sniffing as what it is.
        if (IsXml(contentType) || content.TrimStart().StartsWith('<'))
        {
            XmlBodyReader.Read(content, ref arguments, ref evidence);
        }
        else if (contentType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            JsonBodyReader.Read(content, ref arguments, ref evidence);
        }
        else if (contentType.IsEmpty || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            arguments.AddValue(ContentDecoding.Decode(content, plusIsSpace: false, ref evidence));
        }
    }

    private static bool IsXml(ReadOnlySpan<char> contentType) =>
        contentType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+xml", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>name="value"</c> (or unquoted) inside a header line; empty when absent.</summary>
    private static Span<char> Parameter(Span<char> line, string parameter)
    {
        var i = 0;
        while (i < line.Length)
        {
            var at = line[i..].IndexOf(parameter, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return default;
            }
            at += i;
            var after = at + parameter.Length;
            var startsWord = at == 0 || line[at - 1] is ' ' or ';' or '\t';
            if (startsWord && after < line.Length && line[after] == '=')
            {
                var value = line[(after + 1)..];
                if (!value.IsEmpty && value[0] == '"')
                {
                    var close = value[1..].IndexOf('"');
                    return close < 0 ? value[1..] : value.Slice(1, close);
                }
                var end = value.IndexOf(';');
                return (end < 0 ? value : value[..end]).Trim();
            }
            i = after;
        }
        return default;
    }

    private static Span<char> TrimLineBreak(Span<char> text, bool leading)
    {
        if (leading)
        {
            if (text.StartsWith("\r\n"))
            {
                return text[2..];
            }
            return text.StartsWith("\n") ? text[1..] : text;
        }
        if (text.EndsWith("\r\n"))
        {
            return text[..^2];
        }
        return text.EndsWith("\n") ? text[..^1] : text;
    }

    /// <summary>Lines of a header block, CRLF or LF.</summary>
    private ref struct SpanLineSplitter(Span<char> text)
    {
        private Span<char> _rest = text;

        public Span<char> Current { get; private set; }

        public readonly SpanLineSplitter GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_rest.IsEmpty)
            {
                return false;
            }
            var end = _rest.IndexOf('\n');
            var line = end < 0 ? _rest : _rest[..end];
            _rest = end < 0 ? default : _rest[(end + 1)..];
            Current = line.EndsWith("\r") ? line[..^1] : line;
            return true;
        }
    }
}
