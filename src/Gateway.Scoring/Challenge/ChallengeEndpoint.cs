using System.Text;
using System.Text.Json;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Decision.Pages;
using Gateway.Scoring.Pipeline;
using Gateway.Scoring.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// <c>POST /.gateway/challenge</c> (form fields <c>token</c>, <c>nonce</c>): redeems a solved
/// challenge for a clearance cookie and sends the browser back (303) to the path carried in the
/// signed token. A genuine token that is expired, replayed or from another client also goes back,
/// without a cookie, to be challenged afresh; a forged or unsolved one gets 403. Owned by the
/// gateway: never forwarded upstream, never a 5xx.
/// </summary>
public static partial class ChallengeEndpoint
{
    /// <summary>Largest form accepted: a token with the longest return path plus a nonce, with room to spare.</summary>
    internal const int MaxFormBytes = 8 * 1024;

    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 4,
        KeyLengthLimit = 16,
        ValueLengthLimit = ChallengeToken.MaxTextLength,
        BufferBody = false,
    };

    /// <summary>Maps the challenge endpoint; call it beside <c>MapReverseProxy</c>, whose routes it takes precedence over.</summary>
    public static IEndpointConventionBuilder MapProtectionChallenge(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(ChallengeService.EndpointPath, HandleAsync).WithDisplayName("Protection challenge");

    private static async Task HandleAsync(HttpContext context)
    {
        var runtime = context.RequestServices.GetRequiredService<ProtectionRuntime>();
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!runtime.Enabled || !runtime.Challenge.Enabled)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            return;
        }
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChallengeEndpoint));
        try
        {
            await RedeemAsync(context, runtime).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && !response.HasStarted)
        {
            // The gateway's own fault: no 5xx, no clearance. Back to the site, which decides afresh.
            Log.Failed(logger, ex);
            context.RequestServices.GetRequiredService<ProtectionMetrics>().FailOpen("challenge.error");
            response.Clear();
            response.Headers.CacheControl = "no-store";
            Redirect(response, ReturnPath.Fallback);
        }
    }

    private static async Task RedeemAsync(HttpContext context, ProtectionRuntime runtime)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.ContentLength is > MaxFormBytes)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (!request.HasFormContentType)
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(FormLimits, context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            // Over a form limit (too many or too long fields): not a solution this gateway issued.
            runtime.Challenge.CountFailure(ChallengeFailure.Malformed);
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        var challenge = runtime.Challenge;
        var clientIp = runtime.Sources.ClientAddress.Resolve(context);
        var redemption = await challenge.RedeemAsync(
            form["token"].ToString(), form["nonce"].ToString(), request.Headers.UserAgent.ToString(), clientIp).ConfigureAwait(false);
        if (redemption.Succeeded)
        {
            challenge.AppendClearance(context, redemption);
            Redirect(response, redemption.ReturnPath!);
        }
        else if (redemption.ReturnPath is not null)
        {
            Redirect(response, redemption.ReturnPath);
        }
        else
        {
            await RefuseAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>303 See Other: the browser follows with a GET, whatever the form's method was.</summary>
    private static void Redirect(HttpResponse response, string path)
    {
        response.StatusCode = StatusCodes.Status303SeeOther;
        response.Headers.Location = ReturnPath.OrFallback(path);
    }

    private static Task RefuseAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status403Forbidden;
        if (DecisionResponder.AcceptsHtml(context.Request))
        {
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            return response.WriteAsync(PageLayout.Render("Verification failed",
                "<p>The browser check could not be verified. Please go back and reload the page.</p>",
                context.TraceIdentifier), Encoding.UTF8);
        }
        response.ContentType = "application/problem+json";
        return response.WriteAsync(JsonSerializer.Serialize(new
        {
            type = "about:blank",
            title = "Verification failed",
            status = 403,
            detail = "The challenge solution could not be verified.",
            traceId = context.TraceIdentifier,
        }), Encoding.UTF8);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Challenge redemption failed; the browser is sent back without a clearance")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
