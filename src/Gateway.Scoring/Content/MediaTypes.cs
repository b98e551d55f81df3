namespace Gateway.Scoring.Content;

/// <summary>The media type of a <c>Content-Type</c> header, parameters (<c>; charset=…</c>) ignored, and the kinds of body read field by field.</summary>
internal static class MediaTypes
{
    public static ReadOnlySpan<char> Of(string? contentType)
    {
        var type = (contentType ?? string.Empty).AsSpan();
        var parameters = type.IndexOf(';');
        return (parameters < 0 ? type : type[..parameters]).Trim();
    }

    public static bool Is(string? contentType, string mediaType) =>
        Of(contentType).Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>application/json</c>, <c>text/json</c> and <c>application/*+json</c>.</summary>
    public static bool IsJson(string? contentType)
    {
        var type = Of(contentType);
        return type.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>*/xml</c> and <c>*+xml</c> (SOAP, RSS, Atom, SVG).</summary>
    public static bool IsXml(string? contentType)
    {
        var type = Of(contentType);
        return type.EndsWith("/xml", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }
}
