using System.Text;
using System.Text.Json;

namespace Gateway.Scoring.Content.Datasets;

/// <summary>
/// Reads labelled requests, one JSON object per line:
/// <c>{"method","path","query","headers":{},"body","label"}</c>. <c>path</c> is required;
/// <c>method</c> defaults to GET, <c>query</c> may carry a leading <c>?</c>; <c>label</c> is
/// 0/1, a boolean, or one of <c>normal</c>/<c>benign</c> and <c>attack</c>/<c>anomalous</c>/<c>malicious</c>.
/// Bad lines are reported by number and skipped.
/// </summary>
internal static class JsonlRequestReader
{
    public static DatasetReadResult<JsonlRequest> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, System.IO.Path.GetFileName(path));
    }

    public static DatasetReadResult<JsonlRequest> Read(Stream stream, string source)
    {
        var requests = new List<JsonlRequest>();
        var errors = new List<string>();
        var reader = new DatasetLineReader(stream);
        try
        {
            while (reader.TryReadLine(out var line, out _))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                // DatasetLineReader maps bytes to chars as Latin-1; JSON lines are UTF-8.
                var utf8 = Encoding.Latin1.GetBytes(line);
                try
                {
                    var request = Parse(utf8, source, reader.LineNumber, out var problem);
                    if (request is null)
                    {
                        errors.Add($"{source}:{reader.LineNumber}: {problem}");
                    }
                    else
                    {
                        requests.Add(request);
                    }
                }
                catch (JsonException e)
                {
                    errors.Add($"{source}:{reader.LineNumber}: invalid JSON: {e.Message}");
                }
            }
        }
        catch (InvalidDataException e)
        {
            errors.Add($"{source}: {e.Message}");
        }
        return new DatasetReadResult<JsonlRequest>(requests, errors);
    }

    private static JsonlRequest? Parse(byte[] utf8, string source, int line, out string problem)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        problem = string.Empty;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "expected a JSON object";
            return null;
        }
        if (!TryString(root, "path", out var path) || path.Length == 0)
        {
            problem = "missing string field 'path'";
            return null;
        }
        if (!TryLabel(root, out var isAttack))
        {
            problem = "missing or unrecognised 'label' (0/1, true/false, normal/attack)";
            return null;
        }
        var method = TryString(root, "method", out var m) && m.Length > 0 ? m : "GET";
        var query = TryString(root, "query", out var q) ? q.TrimStart('?') : string.Empty;
        var body = TryString(root, "body", out var b) ? Encoding.UTF8.GetBytes(b) : [];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headerObject.EnumerateObject())
            {
                if (header.Value.ValueKind == JsonValueKind.String)
                {
                    headers[header.Name] = header.Value.GetString()!;
                }
            }
        }
        return new JsonlRequest(source, line, method, path, query, headers, body, isAttack);
    }

    private static bool TryString(JsonElement root, string name, out string value)
    {
        if (root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }
        value = string.Empty;
        return false;
    }

    private static bool TryLabel(JsonElement root, out bool isAttack)
    {
        isAttack = false;
        if (!root.TryGetProperty("label", out var label))
        {
            return false;
        }
        switch (label.ValueKind)
        {
            case JsonValueKind.True:
                isAttack = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number when label.TryGetInt32(out var number) && number is 0 or 1:
                isAttack = number == 1;
                return true;
            case JsonValueKind.String:
                switch (label.GetString()!.ToLowerInvariant())
                {
                    case "normal" or "benign" or "0":
                        return true;
                    case "attack" or "anomalous" or "malicious" or "1":
                        isAttack = true;
                        return true;
                }
                return false;
            default:
                return false;
        }
    }
}
