using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.Scoring.Challenge;
using Gateway.Scoring.Decision.Pages;
using Gateway.Scoring.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Gateway.Scoring.Decision;

/// <summary>
/// The one place where a decision becomes HTTP. Block → 403, challenge → 429 with Retry-After;
/// browsers (Accept names text/html) get a page (for a challenge, the proof-of-work page), other
/// clients <c>application/problem+json</c>. Nothing from the request is echoed back: pages are
/// static text plus server-made values (trace id, signed challenge token).
/// </summary>
internal static class DecisionResponder
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <param name="challenge">Issues the proof-of-work page; null or disabled: the plain "slow down" page.</param>
    /// <param name="clientIp">The scored client address, which the challenge token is bound to.</param>
    public static Task WriteAsync(
        HttpContext context, in ProtectionDecision decision, CompiledPolicy policy, ChallengeService? challenge = null, IPAddress? clientIp = null)
    {
        var response = context.Response;
        var wantsHtml = AcceptsHtml(context.Request);
        response.Headers.CacheControl = "no-store";
        if (decision.EffectiveAction == DecisionAction.Block)
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return wantsHtml
                ? WriteHtmlAsync(response, BlockPage.Render(context.TraceIdentifier))
                : WriteProblemAsync(response, 403, "Request blocked",
                    "The request was refused by the protection gateway.", context.TraceIdentifier);
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var retryAfter = policy.Options.RetryAfterSeconds;
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (wantsHtml && challenge is { Enabled: true })
        {
            return WriteProofOfWorkAsync(context, challenge.Issue(context, decision.Score, policy, clientIp));
        }
        return wantsHtml
            ? WriteHtmlAsync(response, ChallengePage.Render(context.TraceIdentifier, retryAfter))
            : WriteProblemAsync(response, 429, "Verification required",
                $"The request needs verification. Retry after {retryAfter} seconds.", context.TraceIdentifier);
    }

    internal static bool AcceptsHtml(HttpRequest request)
    {
        foreach (var value in request.Headers.Accept)
        {
            if (value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static Task WriteHtmlAsync(HttpResponse response, string html)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return response.WriteAsync(html, Encoding.UTF8);
    }

    private static Task WriteProofOfWorkAsync(HttpContext context, IssuedChallenge issued)
    {
        var response = context.Response;
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ProofOfWorkPage.ContentSecurityPolicy(nonce);
        response.Headers["Referrer-Policy"] = "no-referrer";
        var html = ProofOfWorkPage.Render(context.TraceIdentifier, issued.Token, issued.DifficultyBits, ChallengeService.EndpointPath, nonce);
        return response.WriteAsync(html, Encoding.UTF8);
    }

    private static Task WriteProblemAsync(HttpResponse response, int status, string title, string detail, string traceId)
    {
        response.ContentType = "application/problem+json";
        var problem = new ProblemBody("about:blank", title, status, detail, traceId);
        return response.WriteAsync(JsonSerializer.Serialize(problem, JsonOptions), Encoding.UTF8);
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string TraceId);
}
