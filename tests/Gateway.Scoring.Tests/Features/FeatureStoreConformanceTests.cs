using Gateway.Scoring.Features;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Features;

/// <summary>
/// What every feature store must do, run against each backend with a manual clock (which starts
/// on a minute boundary, so bucket edges fall on whole seconds from the start).
/// </summary>
public abstract class FeatureStoreConformanceTests : IDisposable
{
    private static readonly BehaviourKey Client = new("192.0.2.10");
    private readonly List<IDisposable> _owned = [];

    private protected ManualTimeProvider Time { get; } = new();

    private protected MetricsProbe Probe { get; } = new();

    /// <summary>A fresh, empty store on <see cref="Time"/>.</summary>
    private protected abstract Task<IFeatureStore> CreateStoreAsync(FeatureStoreOptions options);

    private protected T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        Probe.Dispose();
    }

    [Fact]
    public async Task Read_UnknownClient_IsEmpty()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());

        Assert.Equal(BehaviourFeatures.Empty, await store.ReadAsync(Client, CancellationToken.None));
    }

    [Fact]
    public async Task RecordRequest_CountsInEveryWindow()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());

        store.RecordRequest(Client, "/a");
        store.RecordRequest(Client, "/a");
        Time.Advance(TimeSpan.FromSeconds(3));
        store.RecordRequest(Client, "/b");

        Assert.Equal(new BehaviourFeatures(3, 3, 3, 2, 0, 0, 0), await store.ReadAsync(Client, CancellationToken.None));
    }

    [Fact]
    public async Task Windows_DropARequestExactlyWhenItsBucketLeavesTheWindow()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());
        var start = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMilliseconds(900));
        store.RecordRequest(Client, "/a");
        store.RecordResponse(Client, 404);

        async Task<BehaviourFeatures> At(double seconds)
        {
            Time.Advance(start.AddSeconds(seconds) - Time.GetUtcNow());
            return await store.ReadAsync(Client, CancellationToken.None);
        }

        Assert.Equal(new BehaviourFeatures(1, 1, 1, 1, 1, 1, 0), await At(9.999));
        Assert.Equal(new BehaviourFeatures(0, 1, 1, 1, 1, 1, 0), await At(10));
        Assert.Equal(new BehaviourFeatures(0, 1, 1, 1, 1, 1, 0), await At(59.999));
        Assert.Equal(new BehaviourFeatures(0, 0, 1, 1, 1, 1, 0), await At(60));
        Assert.Equal(new BehaviourFeatures(0, 0, 1, 1, 1, 1, 0), await At(599.999));
        Assert.Equal(BehaviourFeatures.Empty, await At(600));
    }

    [Fact]
    public async Task Windows_MatchABucketedReferenceAcrossMinuteBoundaries()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());
        var random = new Random(20260101);
        var start = Time.GetUtcNow().ToUnixTimeSeconds();
        var requests = new List<(long Second, string Path)>();
        var elapsedSeconds = 0L;
        while (elapsedSeconds < 13 * 60)
        {
            // Mostly short steps, so that every window sees several buckets; now and then a long gap.
            var step = random.Next(10) == 0 ? random.Next(20, 200) : random.Next(0, 5);
            Time.Advance(TimeSpan.FromSeconds(step));
            elapsedSeconds += step;
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                var path = $"/p{random.Next(40)}";
                store.RecordRequest(Client, path);
                requests.Add((start + elapsedSeconds, path));
            }

            var actual = await store.ReadAsync(Client, CancellationToken.None);

            var now = start + elapsedSeconds;
            Assert.Equal(Expected(requests, now), actual);
        }
    }

    [Fact]
    public async Task DistinctPaths_CountEachPathOnce_AndForgetPathsNotSeenForTenMinutes()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());

        store.RecordRequest(Client, "/a");
        store.RecordRequest(Client, "/b");
        store.RecordRequest(Client, "/a");
        Time.Advance(TimeSpan.FromMinutes(5));
        store.RecordRequest(Client, "/a");
        store.RecordRequest(Client, "/c");
        Assert.Equal(3, (await store.ReadAsync(Client, CancellationToken.None)).DistinctPaths10m);

        // Minute 0 leaves the window; /a was seen again in minute 5, /b was not.
        Time.Advance(TimeSpan.FromMinutes(5));
        var features = await store.ReadAsync(Client, CancellationToken.None);

        Assert.Equal(2, features.DistinctPaths10m);
        Assert.Equal(2, features.Requests10m);
    }

    [Fact]
    public async Task DistinctPaths_TellPathsApartByCaseAndQueryLikeSuffixes()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());

        foreach (var path in new[] { "/admin", "/Admin", "/admin/", "/admin;x", "", "/" })
        {
            store.RecordRequest(Client, path);
        }

        Assert.Equal(6, (await store.ReadAsync(Client, CancellationToken.None)).DistinctPaths10m);
    }

    [Fact]
    public async Task RecordResponse_CountsAnswersAndTheir4xxAnd5xx_IgnoringNonHttpStatuses()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());

        foreach (var status in new[] { 200, 204, 302, 400, 404, 499, 500, 503, 599, 0, -1, 99, 600, 1000 })
        {
            store.RecordResponse(Client, status);
        }
        var features = await store.ReadAsync(Client, CancellationToken.None);

        Assert.Equal(new BehaviourFeatures(0, 0, 0, 0, 9, 3, 3), features);
        Assert.Equal(3.0 / 9, features.ClientErrorRatio, precision: 10);
    }

    [Fact]
    public async Task Clients_AreCountedApart_EvenWithHostileKeys()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());
        string[] clients =
        [
            "192.0.2.10",
            "2001:db8::1",
            "2001:db8::1%eth0",
            "::ffff:192.0.2.10",
            "a",
            "{a}",
            "{a",
            "a}",
            "}a{",
            "{}",
            "",
            "x:{192.0.2.10}:m:1",
            "gw:{a}:m:29453760",
            "#a",
            "\0\r\n ",
            "ж",
            new string('9', ClientTagLimit),
            new string('9', ClientTagLimit + 1),
            new string('z', 100_000),
            new string('z', 100_001),
        ];

        for (var i = 0; i < clients.Length; i++)
        {
            for (var n = 0; n <= i; n++)
            {
                store.RecordRequest(new BehaviourKey(clients[i]), $"/{n}");
            }
            store.RecordResponse(new BehaviourKey(clients[i]), 500);
        }

        for (var i = 0; i < clients.Length; i++)
        {
            var features = await store.ReadAsync(new BehaviourKey(clients[i]), CancellationToken.None);
            Assert.True(
                new BehaviourFeatures(i + 1, i + 1, i + 1, i + 1, 1, 0, 1) == features,
                $"client #{i} ({clients[i][..Math.Min(20, clients[i].Length)]}): {features}");
        }
    }

    [Fact]
    public async Task DefaultKeyAndNullPath_AreCountedNotThrown()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());

        store.RecordRequest(default, null!);
        store.RecordResponse(default, 404);

        Assert.Equal(new BehaviourFeatures(1, 1, 1, 1, 1, 1, 0), await store.ReadAsync(default, CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentWriters_LoseNoCount()
    {
        var store = await CreateStoreAsync(new FeatureStoreOptions());
        const int writers = 8, perWriter = 240, clients = 4;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var key = new BehaviourKey($"198.51.100.{i % clients}");
                store.RecordRequest(key, $"/w{w}/{i % 10}");
                store.RecordResponse(key, i % 5 == 0 ? 404 : 200);
            }
        })));

        for (var c = 0; c < clients; c++)
        {
            var features = await store.ReadAsync(new BehaviourKey($"198.51.100.{c}"), CancellationToken.None);
            const int perClient = writers * perWriter / clients;
            // Writer w sends client c the paths /w{w}/{i % 10} for i ≡ c (mod 4): 5 distinct per writer.
            Assert.Equal(new BehaviourFeatures(perClient, perClient, perClient, writers * 5, perClient, perClient / 5, 0), features);
        }
    }

    private const int ClientTagLimit = 64;

    private static BehaviourFeatures Expected(List<(long Second, string Path)> requests, long now)
    {
        int r10s = 0, r1m = 0, r10m = 0;
        var paths = new HashSet<string>();
        foreach (var (second, path) in requests)
        {
            r10s += second > now - 10 ? 1 : 0;
            r1m += second / 10 > (now / 10) - 6 ? 1 : 0;
            if (second / 60 > (now / 60) - 10)
            {
                r10m++;
                paths.Add(path);
            }
        }
        return new BehaviourFeatures(r10s, r1m, r10m, paths.Count, 0, 0, 0);
    }
}
