namespace Gateway.DemoUpstream;

/// <summary>Runs the demo app beside the gateway in the same process; started before the gateway
/// listens (hosted services start first), stopped with it.</summary>
internal sealed partial class DemoUpstreamService(DemoUpstreamOptions options, ILogger<DemoUpstreamService> logger) : IHostedService
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = DemoUpstreamApp.Build(options.Url);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        Log.Started(logger, options.Url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Demo upstream listening on {Url}")]
        public static partial void Started(ILogger logger, string url);
    }
}
