using System.Net;
using System.Text;
using System.Text.Json;

namespace Gateway.Scoring.Login;

/// <summary>
/// Finds the username in the bounded body prefix of a login request: a form field or a top-level
/// JSON string property. Anything else (no such field, wrong type, malformed body) is "unknown",
/// never an error: the request is still judged on its network entities.
/// </summary>
internal static class UsernameReader
{
    /// <param name="complete">Whether the prefix is the whole body (a truncated JSON body is read as far as it goes).</param>
    public static string? Read(ReadOnlySpan<byte> body, bool complete, UsernameSource source, string field) =>
        body.IsEmpty ? null : source == UsernameSource.Json ? FromJson(body, complete, field) : FromForm(body, field);

    private static string? FromForm(ReadOnlySpan<byte> body, string field)
    {
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            var equals = pair.IndexOf((byte)'=');
            if (equals <= 0)
            {
                continue;
            }
            if (Decode(pair[..equals]) == field)
            {
                var value = Decode(pair[(equals + 1)..]);
                return value.Length == 0 ? null : value;
            }
        }
        return null;
    }

    private static string Decode(ReadOnlySpan<byte> encoded) => WebUtility.UrlDecode(Encoding.UTF8.GetString(encoded));

    private static string? FromJson(ReadOnlySpan<byte> body, bool complete, string field)
    {
        try
        {
            var reader = new Utf8JsonReader(body, isFinalBlock: complete, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return null;
                }
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return null;
                }
                var matches = reader.ValueTextEquals(field);
                if (!reader.Read())
                {
                    return null;
                }
                if (matches)
                {
                    return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } value ? value : null;
                }
                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed or cut off before the field: the username is unknown.
        }
        catch (InvalidOperationException)
        {
        }
        return null;
    }
}
