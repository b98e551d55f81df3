using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Pipeline;

public static class ProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protection pipeline. Signals load when the host starts (before it listens);
    /// every configuration or asset problem is reported at once in a
    /// <see cref="Configuration.ProtectionConfigurationException"/>.
    /// </summary>
    /// <param name="contentRoot">Base for relative asset paths (then the binary's folder).</param>
    public static IServiceCollection AddProtection(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProtectionMetrics>();
        services.AddSingleton(sp => ProtectionRuntime.Create(
            configuration,
            contentRoot,
            sp.GetRequiredService<ProtectionMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ProtectionMarker>();
        services.AddHostedService<ProtectionStartup>();
        return services;
    }
}
