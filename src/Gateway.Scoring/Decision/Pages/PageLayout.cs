using System.Net;

namespace Gateway.Scoring.Decision.Pages;

/// <summary>Shared frame of the gateway's own pages. Only server-made values are inserted, and
/// they are HTML-encoded anyway so a future change cannot turn them into an injection.</summary>
internal static class PageLayout
{
    /// <param name="styleNonce">CSP nonce for the inline style, when the page's policy uses one.</param>
    public static string Render(string title, string bodyHtml, string traceId, string? styleNonce = null) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <style{{(styleNonce is null ? "" : $" nonce=\"{WebUtility.HtmlEncode(styleNonce)}\"")}}>
        body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}
        h1{font-size:1.4rem}.ref{color:#666;font-size:.85rem}
        </style>
        </head>
        <body>
        <h1>{{WebUtility.HtmlEncode(title)}}</h1>
        {{bodyHtml}}
        <p class="ref">Reference: <code>{{WebUtility.HtmlEncode(traceId)}}</code></p>
        </body>
        </html>
        """;
}
