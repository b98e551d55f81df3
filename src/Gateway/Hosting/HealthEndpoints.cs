using Gateway.Scoring.Pipeline;

namespace Gateway.Hosting;

internal static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: model, lists and geo loaded, and
    /// the feature store's state; 503 only when the gateway should not get traffic.</summary>
    /// <remarks>Both answer HEAD too: load balancers' health checks often send it.</remarks>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/healthz", getOrHead, () => Results.Text("ok"));
        app.MapMethods("/readyz", getOrHead, (IServiceProvider services) =>
        {
            var report = services.GetRequiredService<ProtectionRuntime>().Readiness();
            return Results.Json(report, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}
