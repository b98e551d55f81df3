using Gateway.Scoring.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Gateway.Hosting;

/// <summary>
/// Exports metrics over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Built by hand because
/// OpenTelemetry.Extensions.Hosting is not in the registry here; the provider is a singleton, so the
/// host disposes (and flushes) it on shutdown.
/// </summary>
internal static class OpenTelemetrySetup
{
    public static IServiceCollection AddOpenTelemetryMetricsIfConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .AddMeter(ProtectionMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http")
            .AddOtlpExporter()
            .Build());
        services.AddHostedService<MeterProviderActivator>();
        return services;
    }

    /// <summary>Creates the provider at startup (singletons are otherwise created on first use).</summary>
    private sealed class MeterProviderActivator(MeterProvider provider) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(provider);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
