using Gateway.Hosting;
using Gateway.LoadTests.SideBySide;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.LoadTests.LoginSim;

/// <summary>
/// The real gateway (the very composition <c>Program</c> runs, with the bundled appsettings.json)
/// and its demo shop, in this process on free loopback ports.
/// </summary>
internal sealed class SimGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimGateway(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="settings">Extra configuration, <c>Key=Value</c> (e.g. <c>ConnectionStrings:Redis=127.0.0.1:6379</c>).</param>
    public static async Task<SimGateway> StartAsync(IEnumerable<string> settings)
    {
        var demo = $"http://127.0.0.1:{FreePort.Next()}";
        List<string> args =
        [
            $"--contentRoot={AppContext.BaseDirectory}",
            "--urls=http://127.0.0.1:0",
            $"--Gateway:DemoUpstream:Url={demo}",
            $"--ReverseProxy:Clusters:app:Destinations:upstream:Address={demo}/",
            "--Protection:DecisionHeader=true",
            "--Logging:LogLevel:Default=Warning",
        ];
        args.AddRange(settings.Select(s => "--" + s));
        var app = GatewayHost.Build([.. args]);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimGateway(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
