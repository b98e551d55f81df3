using Gateway.DemoUpstream;
using Gateway.Scoring.Challenge;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Pipeline;

namespace Gateway.Hosting;

/// <summary>
/// Composes the gateway: configuration, protection services, YARP and health endpoints. Kept
/// separate from Program so functional tests start the very same host on real sockets.
/// </summary>
public static class GatewayHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigFileOption.Apply(builder.Configuration, args);
        var upstream = UpstreamOverride.Apply(builder.Configuration);

        builder.Services.AddProtection(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddOpenTelemetryMetricsIfConfigured(builder.Configuration);

        var demo = builder.Configuration.GetSection("Gateway:DemoUpstream").Get<DemoUpstreamOptions>() ?? new DemoUpstreamOptions();
        if (demo.Enabled && upstream is null)
        {
            builder.Services.AddSingleton(demo);
            builder.Services.AddHostedService<DemoUpstreamService>();
        }

        var app = builder.Build();
        app.MapHealthEndpoints();
        app.MapProtectionChallenge();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseProtection();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await using var app = Build(args);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (ProtectionConfigurationException ex)
        {
            // Every problem at once, naming file and key, so the operator fixes them in one go.
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
