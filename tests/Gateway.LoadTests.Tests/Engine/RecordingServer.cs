using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.LoadTests.Tests.Engine;

/// <summary>A real Kestrel server on a loopback port that records what arrived, exactly as it arrived.</summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingServer(WebApplication app) => _app = app;

    public string Address { get; private set; } = "";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <param name="decisionHeader">Sent back as X-Protection-Decision when not null.</param>
    public static async Task<RecordingServer> StartAsync(string? decisionHeader = null, int status = 200)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            server.Received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers["X-Forwarded-For"].ToString(),
                context.Request.ContentType,
                body.ToArray()));
            if (decisionHeader is not null)
            {
                context.Response.Headers["X-Protection-Decision"] = decisionHeader;
            }
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("ok");
        });
        await app.StartAsync();
        server.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
