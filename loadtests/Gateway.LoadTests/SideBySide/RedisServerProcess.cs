using System.Diagnostics;
using System.Net.Sockets;

namespace Gateway.LoadTests.SideBySide;

/// <summary>A throw-away <c>redis-server</c> on a free loopback port, without persistence.</summary>
internal sealed class RedisServerProcess : IDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];
    private readonly string _executable;
    private ChildProcess? _process;

    private RedisServerProcess(string executable, int port)
    {
        _executable = executable;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Process id of the running server; 0 while stopped.</summary>
    public int ProcessId => _process?.Id ?? 0;

    /// <summary>StackExchange.Redis connection string for the gateway.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public static RedisServerProcess Start()
    {
        var executable = Array.Find(Candidates, File.Exists)
            ?? throw new LoadTestException("redis-server is not installed (scripts/install-test-deps.sh installs it); leave gateway-redis out with --targets");
        var redis = new RedisServerProcess(executable, FreePort.Next());
        try
        {
            redis.Restart();
        }
        catch
        {
            redis.Dispose();
            throw;
        }
        return redis;
    }

    /// <summary>Kills the server (an outage: clients see their connections drop); its data is gone.</summary>
    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port, empty, and waits until it accepts connections.</summary>
    public void Restart()
    {
        Stop();
        _process = ChildProcess.Start("redis-server", _executable,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--protected-mode", "no"],
            Directory.GetCurrentDirectory());
        WaitUntilAccepting(_process);
    }

    public void Dispose() => Stop();

    private void WaitUntilAccepting(ChildProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                throw new LoadTestException($"redis-server exited at start:{Environment.NewLine}{process.RecentOutput()}");
            }
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        throw new LoadTestException($"redis-server did not accept connections on port {Port} within 10 s");
    }
}
