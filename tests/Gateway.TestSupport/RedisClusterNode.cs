using System.Diagnostics;
using System.Globalization;

namespace Gateway.TestSupport;

/// <summary>One cluster-enabled <c>redis-server</c> of a <see cref="RedisCluster"/>, on free loopback ports.</summary>
internal sealed class RedisClusterNode(string directory, int port, int busPort, int nodeTimeoutMilliseconds)
{
    /// <summary>$1: the test host's pid; the rest: redis-server and its arguments.</summary>
    private const string Watchdog = """
        parent=$1; shift
        "$@" & node=$!
        while kill -0 "$parent" 2>/dev/null && kill -0 "$node" 2>/dev/null; do sleep 0.5; done
        kill "$node" 2>/dev/null; wait "$node"
        """;

    private Process? _process;

    public int Port { get; } = port;

    /// <summary>The cluster bus port, chosen explicitly: the default (port + 10000) may be taken or past 65535.</summary>
    public int BusPort { get; } = busPort;

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }
        var port = Port.ToString(CultureInfo.InvariantCulture);
        // Through a small shell that watches this process: if the test host dies without disposing
        // (killed, crashed), the node goes with it within half a second instead of lingering.
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList =
            {
                "-c", Watchdog, "redis-node",
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                RedisTools.Find("redis-server"),
                "--port", port,
                "--bind", "127.0.0.1",
                "--protected-mode", "no",
                "--cluster-enabled", "yes",
                "--cluster-port", BusPort.ToString(CultureInfo.InvariantCulture),
                // Same file on every start: a restarted node keeps its id and slots and rejoins.
                "--cluster-config-file", Path.Combine(directory, $"nodes-{port}.conf"),
                "--cluster-node-timeout", nodeTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture),
                "--dir", directory,
                "--save", "",
                "--appendonly", "no",
            },
        };
        _process = RedisProcess.Start(startInfo);
        RedisProcess.WaitUntilAccepting(_process, Port, TimeSpan.FromSeconds(10));
    }

    public void Stop()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        _process = null;
    }

}
