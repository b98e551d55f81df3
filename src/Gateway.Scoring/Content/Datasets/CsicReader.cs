using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Gateway.Scoring.Content.Datasets;

/// <summary>
/// Parses the raw CSIC 2010 files (plain or <c>.gz</c>). Requests are split on their request line
/// (<c>^(GET|POST|PUT) \S+ HTTP/1\.1$</c>), never on blank lines, because GET requests end with two
/// blank lines and one file mixes CRLF and LF. A body is exactly <c>Content-Length</c> bytes of what
/// follows the headers; anything else there except blank lines is reported.
/// </summary>
/// <remarks>
/// The URI is always absolute. The origin-form <see cref="CsicRequest.Target"/> drops
/// <c>http://</c> and the <c>Host</c> value; 231 anomalous URIs have no <c>/</c> after the port
/// (<c>http://localhost:8080.BAK</c>), and get one (<c>/.BAK</c>), which is how such a probe would
/// reach a server.
/// </remarks>
internal static class CsicReader
{
    private static readonly string[] Methods = ["GET", "POST", "PUT"];
    private const string VersionSuffix = " HTTP/1.1";

    public static DatasetReadResult<CsicRequest> ReadFile(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        return Read(stream, Path.GetFileName(path));
    }

    /// <param name="source">Name used in <see cref="CsicRequest.Source"/> and in error messages.</param>
    public static DatasetReadResult<CsicRequest> Read(Stream stream, string source)
    {
        var requests = new List<CsicRequest>();
        var errors = new List<string>();
        var reader = new DatasetLineReader(stream);
        var pending = default(PendingRequest);
        try
        {
            while (reader.TryReadLine(out var line, out var terminator))
            {
                if (TryParseRequestLine(line, out var method, out var uri))
                {
                    Complete(pending, source, requests, errors);
                    pending = new PendingRequest(reader.LineNumber, method, uri);
                    continue;
                }
                if (pending is null)
                {
                    if (line.Length > 0)
                    {
                        errors.Add($"{source}:{reader.LineNumber}: expected a request line, found '{Excerpt(line)}'");
                    }
                    continue;
                }
                if (!pending.HeadersEnded)
                {
                    if (line.Length == 0)
                    {
                        pending.HeadersEnded = true;
                    }
                    else if (TryParseHeader(line, out var header))
                    {
                        pending.Headers.Add(header);
                    }
                    else
                    {
                        errors.Add($"{source}:{reader.LineNumber}: malformed header line '{Excerpt(line)}'");
                    }
                    continue;
                }
                pending.Trailer.Append(line).Append(terminator);
            }
        }
        catch (InvalidDataException e)
        {
            errors.Add($"{source}: {e.Message}");
        }
        Complete(pending, source, requests, errors);
        return new DatasetReadResult<CsicRequest>(requests, errors);
    }

    private static void Complete(PendingRequest? pending, string source, List<CsicRequest> requests, List<string> errors)
    {
        if (pending is null)
        {
            return;
        }
        var where = $"{source}:{pending.Line}";
        if (!pending.HeadersEnded)
        {
            errors.Add($"{where}: request has no blank line after its headers");
            return;
        }
        var trailer = pending.Trailer.ToString();
        var body = Array.Empty<byte>();
        var declared = HeaderValue(pending.Headers, "Content-Length");
        if (declared is not null)
        {
            if (!int.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > trailer.Length)
            {
                errors.Add($"{where}: Content-Length '{declared}' does not match the {trailer.Length} bytes that follow the headers");
                return;
            }
            body = Encoding.Latin1.GetBytes(trailer, 0, length);
            trailer = trailer[length..];
        }
        if (trailer.AsSpan().ContainsAnyExcept('\r', '\n'))
        {
            errors.Add($"{where}: unexpected content after the {(declared is null ? "headers (no Content-Length)" : "body")}: '{Excerpt(trailer.Trim())}'");
            return;
        }
        var target = ToOriginForm(pending.Uri, HeaderValue(pending.Headers, "Host"));
        requests.Add(new CsicRequest(source, pending.Line, pending.Method, pending.Uri, target, pending.Headers, body));
    }

    internal static string ToOriginForm(string uri, string? host)
    {
        if (uri.StartsWith('/'))
        {
            return uri;
        }
        const string scheme = "http://";
        if (!uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "/" + uri;
        }
        var rest = uri[scheme.Length..];
        string afterAuthority;
        if (!string.IsNullOrEmpty(host) && rest.StartsWith(host, StringComparison.OrdinalIgnoreCase))
        {
            afterAuthority = rest[host.Length..];
        }
        else
        {
            var pathStart = rest.IndexOfAny(['/', '?']);
            afterAuthority = pathStart < 0 ? string.Empty : rest[pathStart..];
        }
        return afterAuthority.StartsWith('/') ? afterAuthority : "/" + afterAuthority;
    }

    private static bool TryParseRequestLine(string line, out string method, out string uri)
    {
        method = uri = string.Empty;
        if (!line.EndsWith(VersionSuffix, StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var candidate in Methods)
        {
            if (line.Length > candidate.Length + 1 + VersionSuffix.Length
                && line.StartsWith(candidate, StringComparison.Ordinal)
                && line[candidate.Length] == ' ')
            {
                var middle = line.AsSpan(candidate.Length + 1, line.Length - candidate.Length - 1 - VersionSuffix.Length);
                if (middle.IndexOfAny(' ', '\t', '\r') >= 0)
                {
                    return false;
                }
                method = candidate;
                uri = middle.ToString();
                return true;
            }
        }
        return false;
    }

    private static bool TryParseHeader(string line, out KeyValuePair<string, string> header)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0)
        {
            header = default;
            return false;
        }
        header = new(line[..colon], line[(colon + 1)..].Trim());
        return true;
    }

    private static string? HeaderValue(List<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }
        return null;
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private sealed class PendingRequest(int line, string method, string uri)
    {
        public int Line { get; } = line;
        public string Method { get; } = method;
        public string Uri { get; } = uri;
        public List<KeyValuePair<string, string>> Headers { get; } = new(12);
        public bool HeadersEnded { get; set; }
        public StringBuilder Trailer { get; } = new();
    }
}
