using System.Diagnostics;
using System.Globalization;

namespace Gateway.TestSupport;

/// <summary>
/// A real three-master Redis Cluster on loopback (no replicas, no persistence), for one test class:
/// three <c>redis-server --cluster-enabled yes</c> processes in a temporary folder, joined by
/// <c>redis-cli --cluster create</c>. Masters can be stopped and started again to simulate a node
/// failure. Disposing kills every node and deletes the folder, also when a test failed; nodes are
/// killed on process exit as well, in case the test host dies without disposing.
/// </summary>
/// <remarks>
/// <c>cluster-node-timeout</c> is one second, so that a stopped master is detected (and the cluster
/// reports <c>cluster_state:fail</c>) quickly. With the default <c>cluster-require-full-coverage
/// yes</c>, every node then refuses keys until the master is back, as in a production cluster
/// without replicas.
/// </remarks>
public sealed class RedisCluster : IDisposable
{
    public const int MasterCount = 3;
    private const int NodeTimeoutMilliseconds = 1000;
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(30);

    private readonly RedisClusterNode[] _nodes;
    private int _disposed;

    public RedisCluster()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("gateway-redis-cluster-").FullName;
        _nodes = new RedisClusterNode[MasterCount];
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            var ports = DistinctFreePorts(MasterCount * 2);
            for (var i = 0; i < MasterCount; i++)
            {
                _nodes[i] = new RedisClusterNode(Directory, ports[2 * i], ports[(2 * i) + 1], NodeTimeoutMilliseconds);
                _nodes[i].Start();
            }
            Create();
            WaitUntilState("ok");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Temporary folder holding each node's <c>nodes-PORT.conf</c>; deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>Client ports of the masters, in creation order.</summary>
    public IReadOnlyList<int> Ports => Array.ConvertAll(_nodes, n => n.Port);

    /// <summary><c>127.0.0.1:PORT</c> of every master, as the gateway's <c>Protection:Features:Redis:Endpoints</c> lists them.</summary>
    public IReadOnlyList<string> Endpoints => Array.ConvertAll(_nodes, n => $"127.0.0.1:{n.Port}");

    /// <summary>StackExchange.Redis connection string naming every master, retrying while nodes are down.</summary>
    public string ConnectionString =>
        string.Join(",", Endpoints) + ",abortConnect=false,connectTimeout=1000,syncTimeout=1000,connectRetry=1";

    public bool IsRunning(int node) => _nodes[node].IsRunning;

    /// <summary>Kills one master at once, as a crash or a network loss would look to clients.</summary>
    public void StopNode(int node) => _nodes[node].Stop();

    /// <summary>Starts a stopped master again (same port and node id, empty data) and waits until the cluster is whole.</summary>
    /// <param name="waitUntilHealthy">False when other masters are still down (the cluster cannot be whole yet).</param>
    public void StartNode(int node, bool waitUntilHealthy = true)
    {
        _nodes[node].Start();
        if (waitUntilHealthy)
        {
            WaitUntilState("ok");
        }
    }

    /// <summary>Index of the master that serves <paramref name="slot"/>, from <c>CLUSTER NODES</c> of a running node.</summary>
    public int NodeServingSlot(int slot)
    {
        var running = Array.Find(_nodes, n => n.IsRunning) ?? throw new InvalidOperationException("no cluster node is running");
        var nodes = RedisCli.Run(running.Port, "CLUSTER", "NODES");
        // One line per node: "<id> <ip:port@busport> <flags> <master> <ping> <pong> <epoch> <link> <slots>...",
        // slots as "0-5460" or "42" (entries in brackets are slots being migrated).
        foreach (var line in nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length < 9 || !fields[2].Contains("master", StringComparison.Ordinal))
            {
                continue;
            }
            // "ip:port@busport" (Redis 7 may append ",hostname").
            var address = fields[1][..fields[1].IndexOf('@')];
            var port = int.Parse(address.AsSpan(address.LastIndexOf(':') + 1), CultureInfo.InvariantCulture);
            for (var i = 8; i < fields.Length; i++)
            {
                if (fields[i].StartsWith('['))
                {
                    continue;
                }
                var range = fields[i].Split('-');
                var first = int.Parse(range[0], CultureInfo.InvariantCulture);
                var last = range.Length == 2 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
                if (slot >= first && slot <= last)
                {
                    return Array.FindIndex(_nodes, n => n.Port == port);
                }
            }
        }
        throw new InvalidOperationException($"no master serves slot {slot}:{Environment.NewLine}{nodes}");
    }

    /// <summary>Node id of a master (<c>CLUSTER MYID</c>).</summary>
    public string NodeId(int node) => RedisCli.Run(_nodes[node].Port, "CLUSTER", "MYID").Trim();

    /// <summary>
    /// First half of moving <paramref name="slot"/> between masters, as <c>redis-cli --cluster reshard</c>
    /// does it: marks it importing on the target and migrating on the source, then moves its keys.
    /// The source still owns the slot, so clients are sent on with <c>ASK</c> for the moved keys.
    /// </summary>
    public void BeginSlotMigration(int slot, int from, int to)
    {
        var text = slot.ToString(CultureInfo.InvariantCulture);
        RedisCli.Run(_nodes[to].Port, "CLUSTER", "SETSLOT", text, "IMPORTING", NodeId(from));
        RedisCli.Run(_nodes[from].Port, "CLUSTER", "SETSLOT", text, "MIGRATING", NodeId(to));
        while (true)
        {
            var keys = RedisCli.Run(_nodes[from].Port, "CLUSTER", "GETKEYSINSLOT", text, "1000")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (keys.Length == 0)
            {
                return;
            }
            RedisCli.Run(_nodes[from].Port,
                ["MIGRATE", "127.0.0.1", _nodes[to].Port.ToString(CultureInfo.InvariantCulture), "", "0", "5000", "KEYS", .. keys]);
        }
    }

    /// <summary>Second half: every master learns that <paramref name="to"/> owns the slot, so clients get <c>MOVED</c>.</summary>
    public void CompleteSlotMigration(int slot, int to)
    {
        var id = NodeId(to);
        var text = slot.ToString(CultureInfo.InvariantCulture);
        // The new owner first, as redis-cli does, so that no node points at a node that disowns the slot.
        RedisCli.Run(_nodes[to].Port, "CLUSTER", "SETSLOT", text, "NODE", id);
        for (var i = 0; i < _nodes.Length; i++)
        {
            if (i != to && _nodes[i].IsRunning)
            {
                RedisCli.Run(_nodes[i].Port, "CLUSTER", "SETSLOT", text, "NODE", id);
            }
        }
    }

    /// <summary>
    /// Gives <paramref name="slot"/> back to <paramref name="to"/> with its keys, from whatever state a
    /// test left it in (a half-done migration is abandoned first), so that the next test finds a stable cluster.
    /// </summary>
    public void MoveSlot(int slot, int to)
    {
        var text = slot.ToString(CultureInfo.InvariantCulture);
        foreach (var node in _nodes)
        {
            if (node.IsRunning)
            {
                RedisCli.Run(node.Port, "CLUSTER", "SETSLOT", text, "STABLE");
            }
        }
        var owner = NodeServingSlot(slot);
        if (owner != to)
        {
            BeginSlotMigration(slot, owner, to);
            CompleteSlotMigration(slot, to);
        }
    }

    /// <summary>Waits until every running node reports <c>cluster_state:{state}</c>.</summary>
    public void WaitUntilState(string state)
    {
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < StateTimeout)
        {
            var all = true;
            foreach (var node in _nodes)
            {
                if (!node.IsRunning)
                {
                    continue;
                }
                last = RedisCli.TryRun(node.Port, "CLUSTER", "INFO") ?? "";
                if (!last.Contains($"cluster_state:{state}", StringComparison.Ordinal))
                {
                    all = false;
                    break;
                }
            }
            if (all)
            {
                return;
            }
            Thread.Sleep(50);
        }
        throw new InvalidOperationException($"the cluster did not reach cluster_state:{state} within {StateTimeout.TotalSeconds} s; last CLUSTER INFO:{Environment.NewLine}{last}");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var node in _nodes)
        {
            node?.Stop();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A node that had not quite exited may still hold its config file; the OS cleans /tmp.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private static int[] DistinctFreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(FreePort.Next());
        }
        return [.. ports];
    }

    private void Create()
    {
        var arguments = new List<string> { "--cluster", "create" };
        arguments.AddRange(Endpoints);
        arguments.AddRange(["--cluster-replicas", "0", "--cluster-yes"]);
        RedisCli.Run(null, [.. arguments]);
    }
}
