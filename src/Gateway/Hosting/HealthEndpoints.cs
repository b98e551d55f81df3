using Gateway.Scoring.Pipeline;

namespace Gateway.Hosting;

internal static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: model, lists and geo loaded, and
    /// the feature store's state; 503 only when the gateway should not get traffic.</summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (IServiceProvider services) =>
        {
            var report = services.GetRequiredService<ProtectionRuntime>().Readiness();
            return Results.Json(report, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}
