using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Scoring.Pipeline;

/// <summary>Loads every signal when the host starts, before Kestrel accepts a connection, so a bad
/// configuration stops startup instead of the first request.</summary>
internal sealed class ProtectionStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ProtectionRuntime>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
