using Gateway.Scoring.Content;
using Gateway.Scoring.Pipeline;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Signals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Scoring.Profile;

/// <summary>Asks the policy's application profile (if it has one) about the request, inline: it is a
/// few dictionary lookups per field, far inside any budget.</summary>
internal static class ProfileSignal
{
    public static void Apply(HttpContext context, CompiledPolicy policy, BodyPrefix body, ref RequestSignals signals)
    {
        if (policy.Profile is not { } profile)
        {
            return;
        }
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = request.PathBase.Value + request.Path.Value + request.QueryString.Value;
        }
        var verdict = profile.Check(new RequestContent(request.Method, target, body.Memory, request.ContentType));
        signals.ProfileRisk = verdict.Risk;
        signals.ProfileReason = verdict.Reason;
        signals.ContentDiscount = verdict.Vouched ? (float)profile.ConformingContentDiscount : 0;
    }
}
