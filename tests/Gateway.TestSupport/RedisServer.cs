using System.Diagnostics;

namespace Gateway.TestSupport;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, without persistence, for one test class.
/// It can be stopped and started again on the same port to simulate an outage.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    public RedisServer()
    {
        Port = FreePort.Next();
        Start();
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis connection string that keeps retrying while the server is down.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000,connectRetry=1";

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }
        var executable = FindExecutable();
        var startInfo = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" },
        };
        _process = RedisProcess.Start(startInfo);
        RedisProcess.WaitUntilAccepting(_process, Port, TimeSpan.FromSeconds(10));
    }

    /// <summary>Kills the server at once, as a crash or network loss would look to clients.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();


    private static string FindExecutable()
    {
        foreach (var candidate in new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("redis-server is not installed; run ./test.sh, which installs it.");
    }
}
