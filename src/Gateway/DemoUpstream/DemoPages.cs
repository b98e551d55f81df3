using System.Net;

namespace Gateway.DemoUpstream;

/// <summary>HTML of the demo app. Everything user-supplied is HTML-encoded.</summary>
internal static class DemoPages
{
    public static string Layout(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}
        label{display:block;margin:.5rem 0}</style></head>
        <body><nav><a href="/">Home</a> · <a href="/login">Sign in</a> · <a href="/search?q=tea">Search</a> · <a href="/api/products">API</a></nav>
        <h1>{{WebUtility.HtmlEncode(title)}}</h1>
        {{body}}
        </body></html>
        """;

    public static string Home() => Layout("Demo shop",
        "<p>This is the demo upstream behind the protection gateway.</p>" +
        "<p>Try <a href=\"/login\">signing in</a> (alice / wonderland), or a <a href=\"/search?q=green+tea\">search</a>.</p>");

    public static string LoginForm(string? message) => Layout("Sign in",
        (message is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(message)}</p>") +
        """
        <form method="post" action="/login">
        <label>Username <input name="username" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
        </form>
        """);

    public static string Welcome(string username) =>
        Layout("Welcome", $"<p>Signed in as <strong>{WebUtility.HtmlEncode(username)}</strong>.</p>");

    public static string SearchResults(string query) =>
        Layout("Search", $"<p>No products match <q>{WebUtility.HtmlEncode(query)}</q> yet.</p>");
}
