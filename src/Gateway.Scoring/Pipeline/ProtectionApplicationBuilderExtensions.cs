using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Scoring.Pipeline;

public static class ProtectionApplicationBuilderExtensions
{
    /// <summary>Adds scoring to YARP's proxy pipeline (inside <c>MapReverseProxy</c>, so each
    /// request's route and policy are known).</summary>
    public static IApplicationBuilder UseProtection(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetService<ProtectionMarker>() is null)
        {
            throw new InvalidOperationException(
                "UseProtection() needs the protection services: call services.AddProtection(configuration, contentRoot) first.");
        }
        return app.UseMiddleware<ProtectionMiddleware>();
    }
}

/// <summary>Registered by AddProtection so UseProtection can tell it was called.</summary>
internal sealed class ProtectionMarker;
