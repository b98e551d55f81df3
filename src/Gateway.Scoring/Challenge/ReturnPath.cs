namespace Gateway.Scoring.Challenge;

/// <summary>
/// Where a solved challenge sends the browser: always a same-origin relative path with its query.
/// It is taken from the request that was challenged and carried in the signed token, never from a
/// free parameter; and it is checked both when the token is made and before it becomes a Location.
/// </summary>
internal static class ReturnPath
{
    public const int MaxLength = 2048;
    public const string Fallback = "/";

    /// <summary>
    /// True for <c>/path?query</c> in printable ASCII. False for anything a browser could read as
    /// another origin or a header break: <c>//host</c>, <c>/\host</c>, any backslash, schemes
    /// (no leading slash), control characters (CR, LF, tab, NUL), spaces and non-ASCII.
    /// </summary>
    public static bool IsSafe(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxLength || path[0] != '/')
        {
            return false;
        }
        if (path.Length > 1 && path[1] is '/' or '\\')
        {
            return false;
        }
        foreach (var c in path)
        {
            // Printable ASCII without space; backslash anywhere is refused because browsers treat it
            // as a slash in URLs of web schemes.
            if (c <= ' ' || c >= 0x7F || c == '\\')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The path itself when <see cref="IsSafe"/>, else <see cref="Fallback"/>.</summary>
    public static string OrFallback(string? path) => IsSafe(path) ? path! : Fallback;
}
