using System.Diagnostics;
using Gateway.LoadTests.Targets;

namespace Gateway.LoadTests.SideBySide;

/// <summary>Waits until a started process answers on its address (and, optionally, says what we need).</summary>
internal sealed class ReadinessProbe : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectCallback = LoopbackTarget.ConnectAsync,
    })
    {
        Timeout = TimeSpan.FromSeconds(2),
    };

    /// <param name="accept">Given the 200 response body, whether the process is ready; null accepts any 200.</param>
    /// <exception cref="LoadTestException">The process exited, or the time ran out; with its last output.</exception>
    public async Task WaitAsync(ChildProcess process, string url, Func<string, bool>? accept, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new LoadTestException($"{process.Name} exited before it was ready:{Environment.NewLine}{process.RecentOutput()}");
            }
            try
            {
                using var response = await _client.GetAsync(url, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && (accept is null || accept(body)))
                {
                    return;
                }
                last = $"{(int)response.StatusCode}: {Truncate(body)}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        throw new LoadTestException($"{process.Name} was not ready at {url} within {timeout.TotalSeconds:0} s (last: {last}):{Environment.NewLine}{process.RecentOutput()}");
    }

    /// <summary>The body of a GET, or null when there is no answer (for after-run notes).</summary>
    public async Task<string?> TryGetAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => _client.Dispose();

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
