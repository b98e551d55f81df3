using System.Diagnostics;
using System.Net.Sockets;

namespace Gateway.LoadTests.SideBySide;

/// <summary>A throw-away <c>redis-server</c> on a free loopback port, without persistence.</summary>
internal sealed class RedisServerProcess : IDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];
    private readonly ChildProcess _process;

    private RedisServerProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>StackExchange.Redis connection string for the gateway.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public static RedisServerProcess Start()
    {
        var executable = Array.Find(Candidates, File.Exists)
            ?? throw new LoadTestException("redis-server is not installed (scripts/install-test-deps.sh installs it); leave gateway-redis out with --targets");
        var port = FreePort.Next();
        var process = ChildProcess.Start("redis-server", executable,
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--protected-mode", "no"],
            Directory.GetCurrentDirectory());
        var redis = new RedisServerProcess(process, port);
        try
        {
            redis.WaitUntilAccepting();
        }
        catch
        {
            redis.Dispose();
            throw;
        }
        return redis;
    }

    public void Dispose() => _process.Dispose();

    private void WaitUntilAccepting()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                throw new LoadTestException($"redis-server exited at start:{Environment.NewLine}{_process.RecentOutput()}");
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
