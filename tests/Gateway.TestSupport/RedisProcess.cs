using System.Diagnostics;
using System.Net.Sockets;

namespace Gateway.TestSupport;

/// <summary>Starting a redis-server process for tests and waiting until it accepts connections,
/// shared by <see cref="RedisServer"/> and the nodes of <see cref="RedisCluster"/>.</summary>
internal static class RedisProcess
{
    /// <summary>Starts it with its output drained (a full pipe would stall the server).</summary>
    public static Process Start(ProcessStartInfo startInfo)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static void WaitUntilAccepting(Process process, int port, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server on port {port} exited with code {process.ExitCode}");
            }
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        throw new InvalidOperationException($"redis-server did not accept connections on port {port}");
    }
}
