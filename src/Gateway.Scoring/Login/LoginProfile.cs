using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Gateway.Scoring.Login;

/// <summary>A validated login profile with its lookups built once.</summary>
/// <param name="surge">The site-wide attack state it shares with the other profiles of its site; null: its own.</param>
internal sealed class LoginProfile(string name, LoginProfileOptions options, LoginSurge? surge = null)
{
    private readonly FrozenSet<int> _failureCodes = options.EffectiveFailureStatusCodes.ToFrozenSet();

    public string Name { get; } = name;
    public LoginProfileOptions Options { get; } = options;

    /// <summary>The profile's site-wide attack state.</summary>
    public LoginSurge Surge { get; } = surge ?? new(options.Surge.Site ?? name, options.Surge, metrics: null);

    /// <summary>What the upstream's answer says about the credentials.</summary>
    public LoginOutcome Classify(int statusCode, string? location)
    {
        if (_failureCodes.Contains(statusCode))
        {
            return LoginOutcome.Failure;
        }
        if (statusCode is >= 300 and < 400)
        {
            return Options.FailureRedirectPath is { } failurePath && RedirectsTo(location, failurePath)
                ? LoginOutcome.Failure
                : LoginOutcome.Success;
        }
        return statusCode is >= 200 and < 300 ? LoginOutcome.Success : LoginOutcome.Other;
    }

    /// <summary>Whether Location (absolute or relative, with or without a query) names <paramref name="path"/>.</summary>
    internal static bool RedirectsTo(string? location, string path)
    {
        if (string.IsNullOrEmpty(location))
        {
            return false;
        }
        var target = Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.AbsolutePath
            : location;
        var end = target.AsSpan().IndexOfAny('?', '#');
        var targetPath = end < 0 ? target.AsSpan() : target.AsSpan(0, end);
        return targetPath.TrimEnd('/').Equals(path.AsSpan().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    public string? ReadUsername(ReadOnlySpan<byte> body, bool complete) =>
        UsernameReader.Read(body, complete, Options.UsernameSource, Options.UsernameField);

    public static bool IsComplete(HttpRequest request, int prefixLength) =>
        request.ContentLength is long length && length == prefixLength;
}
