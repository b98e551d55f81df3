using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>A real upstream app on a loopback port: what the gateway forwards to in tests.</summary>
public sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private TestUpstream(WebApplication app) => _app = app;

    public string Address { get; private set; } = "";

    /// <summary>Requests that reached the upstream (blocked ones must not).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<TestUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new TestUpstream(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref upstream._requests);
            return next(context);
        });
        app.MapGet("/", () => "upstream ok");
        app.MapGet("/search", (string? q) => Results.Text("results"));
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapPost("/echo-digest", async (HttpRequest request) =>
        {
            var hash = await SHA256.HashDataAsync(request.Body);
            return Results.Text(Convert.ToHexString(hash));
        });
        app.MapFallback(() => Results.Text("fallback"));
        await app.StartAsync();
        upstream.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
