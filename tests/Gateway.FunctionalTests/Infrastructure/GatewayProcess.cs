using System.Diagnostics;
using System.Globalization;
using Gateway.TestSupport;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// The gateway as its own operating-system process (<c>dotnet exec Gateway.dll</c> from this build
/// folder), as a replica runs in production: its own runtime, thread pool, Redis connection and
/// in-process store, sharing nothing with other replicas but what it is configured to share.
/// Killed with its children on dispose, also when the test failed.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private const int KeptLines = 60;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private GatewayProcess(Process process, string address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(address),
        };
    }

    public string Address { get; }
    public HttpClient Client { get; }

    /// <param name="settings">Configuration as command-line pairs, e.g. ("Protection:DecisionHeader", "true").</param>
    public static async Task<GatewayProcess> StartAsync(string upstream, params (string Key, string Value)[] settings)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Gateway.dll");
        var address = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            // The content root: appsettings.json and assets/ are copied beside the test assembly.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "exec", assembly, $"--urls={address}", $"--Gateway:Upstream={upstream}", "--Logging:LogLevel:Default=Warning" },
        };
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var gateway = new GatewayProcess(process, address);
        process.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await gateway.WaitUntilHealthyAsync();
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    public async Task<string> ReadinessAsync()
    {
        using var response = await Client.GetAsync("/readyz");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Waits until <c>/readyz</c> reports the feature store in <paramref name="state"/> (e.g. <c>redis</c>).</summary>
    public async Task WaitForStoreStateAsync(string state)
    {
        var deadline = Stopwatch.StartNew();
        var readiness = "";
        while (deadline.Elapsed < StartTimeout)
        {
            readiness = await ReadinessAsync();
            if (readiness.Contains($"\"store\":{{\"state\":\"{state}\"", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"{Address} did not report store state {state}: {readiness}{Environment.NewLine}{RecentOutput()}");
    }

    public string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput()}");
            }
            try
            {
                using var response = await Client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"the gateway did not answer /healthz within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>The <c>dotnet</c> host: the one the SDK named, the one running the tests, or the one on PATH.</summary>
    private static string DotnetExecutable()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } named && File.Exists(named))
        {
            return named;
        }
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
