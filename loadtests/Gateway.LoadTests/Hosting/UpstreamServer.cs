using System.Buffers;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.LoadTests.Hosting;

/// <summary>
/// The upstream that load tests put behind the gateway: as cheap as Kestrel allows, so that what
/// is measured is the proxy. Every GET answers 200 with a small page whatever the path (replayed
/// CSIC paths would otherwise be 404s, which the gateway counts as client errors). Bodies are read
/// to the end. <c>POST /login</c> answers 401 except for the demo account, so credential stuffing
/// teaches the gateway a failure ratio.
/// </summary>
internal static class UpstreamServer
{
    public const string ValidLoginBody = "username=alice&password=wonderland";

    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        "<!doctype html><html><head><title>upstream</title></head><body><h1>ok</h1><p>"
        + new string('x', 400) + "</p></body></html>");

    private static readonly byte[] Denied = Encoding.UTF8.GetBytes("invalid username or password");

    /// <param name="port">0 lets the OS choose; the address is printed either way.</param>
    /// <param name="parentProcessId">Stop when this process is gone (so a killed load generator leaves nothing behind).</param>
    public static async Task<int> RunAsync(int port, int? parentProcessId, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        await using var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var address in app.Urls)
        {
            Console.WriteLine($"upstream listening on {address}");
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (parentProcessId is { } parent)
        {
            _ = WatchParentAsync(parent, stop);
        }
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await WriteAsync(response, StatusCodes.Status200OK, "text/html; charset=utf-8", Page).ConfigureAwait(false);
            return;
        }
        var isLogin = HttpMethods.IsPost(request.Method) && request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase);
        var loginAccepted = await DrainAsync(request, isLogin).ConfigureAwait(false);
        if (isLogin && !loginAccepted)
        {
            await WriteAsync(response, StatusCodes.Status401Unauthorized, "text/plain; charset=utf-8", Denied).ConfigureAwait(false);
            return;
        }
        await WriteAsync(response, StatusCodes.Status200OK, "text/html; charset=utf-8", Page).ConfigureAwait(false);
    }

    /// <summary>Reads the body to the end; for a login, whether it was exactly the demo account's form.</summary>
    private static async Task<bool> DrainAsync(HttpRequest request, bool isLogin)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            var expected = Encoding.ASCII.GetBytes(ValidLoginBody);
            var matches = isLogin;
            var total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                if (matches)
                {
                    matches = total + read <= expected.Length && buffer.AsSpan(0, read).SequenceEqual(expected.AsSpan(total, read));
                }
                total += read;
            }
            return matches && total == expected.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task WriteAsync(HttpResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    private static async Task WatchParentAsync(int parentProcessId, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var parent = Process.GetProcessById(parentProcessId);
                if (parent.HasExited)
                {
                    break;
                }
            }
            catch (ArgumentException)
            {
                break;
            }
            await Task.Delay(500, CancellationToken.None).ConfigureAwait(false);
        }
        await stop.CancelAsync().ConfigureAwait(false);
    }
}
