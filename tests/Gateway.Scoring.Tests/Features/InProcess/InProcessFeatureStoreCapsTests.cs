using Gateway.Scoring.Features;
using Gateway.Scoring.Features.InProcess;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Features.InProcess;

/// <summary>Memory bounds of the in-process store: tracked clients and distinct paths.</summary>
public sealed class InProcessFeatureStoreCapsTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task PastTheClientCap_TheLeastRecentlySeenClientsAreEvicted()
    {
        using var store = new InProcessFeatureStore(new FeatureStoreOptions { MaxTrackedClients = 10 }, _time);
        for (var i = 0; i < 10; i++)
        {
            store.RecordRequest(Key(i), "/");
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        store.RecordRequest(Key(0), "/again");
        _time.Advance(TimeSpan.FromSeconds(1));

        store.RecordRequest(Key(10), "/");

        Assert.True(await Eventually.TrueAsync(() => store.Clients.Sweeps > 0), "no eviction sweep ran");
        // Down to 90 % of the cap: clients 1 and 2 were the least recently seen (0 came back).
        Assert.Equal(9, store.TrackedClients);
        Assert.Equal(BehaviourFeatures.Empty, store.Read(Key(1)));
        Assert.Equal(BehaviourFeatures.Empty, store.Read(Key(2)));
        Assert.Equal(2, store.Read(Key(0)).Requests10m);
        for (var i = 3; i <= 10; i++)
        {
            Assert.Equal(1, store.Read(Key(i)).Requests10m);
        }
    }

    [Fact]
    public async Task PastTheClientCap_ClientsWithEmptyWindowsGoFirst()
    {
        using var store = new InProcessFeatureStore(new FeatureStoreOptions { MaxTrackedClients = 10 }, _time);
        for (var i = 0; i < 5; i++)
        {
            store.RecordRequest(Key(i), "/");
        }
        _time.Advance(TimeSpan.FromMinutes(10));

        for (var i = 100; i < 106; i++)
        {
            store.RecordRequest(Key(i), "/");
        }

        Assert.True(await Eventually.TrueAsync(() => store.Clients.Sweeps > 0), "no eviction sweep ran");
        Assert.Equal(6, store.TrackedClients);
        for (var i = 100; i < 106; i++)
        {
            Assert.Equal(1, store.Read(Key(i)).Requests10m);
        }
    }

    [Fact]
    public async Task ManyNewClients_StayWithinTheCap()
    {
        using var store = new InProcessFeatureStore(new FeatureStoreOptions { MaxTrackedClients = 1000 }, _time);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 5000; i++)
            {
                store.RecordRequest(new BehaviourKey($"10.{w}.{i / 256}.{i % 256}"), "/");
            }
        })));

        Assert.True(await Eventually.TrueAsync(() => store.TrackedClients <= 1000), $"{store.TrackedClients} clients tracked");
    }

    [Fact]
    public void Reads_OfUnknownClients_DoNotTrackThem()
    {
        using var store = new InProcessFeatureStore(new FeatureStoreOptions(), _time);

        for (var i = 0; i < 100; i++)
        {
            store.Read(Key(i));
        }

        Assert.Equal(0, store.TrackedClients);
    }

    [Fact]
    public void DistinctPaths_SaturateAtTheCap_AndMakeRoomOncePathsLeaveTheWindow()
    {
        using var store = new InProcessFeatureStore(new FeatureStoreOptions { MaxDistinctPathsPerClient = 5 }, _time);
        var client = Key(1);

        for (var i = 0; i < 8; i++)
        {
            store.RecordRequest(client, $"/old/{i}");
        }
        Assert.Equal(5, store.Read(client).DistinctPaths10m);
        Assert.Equal(8, store.Read(client).Requests10m);

        _time.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 3; i++)
        {
            store.RecordRequest(client, $"/new/{i}");
        }

        Assert.Equal(3, store.Read(client).DistinctPaths10m);
    }

    [Fact]
    public void DistinctPaths_AtTheCap_StillMoveRepeatedPathsToTheCurrentMinute()
    {
        using var store = new InProcessFeatureStore(new FeatureStoreOptions { MaxDistinctPathsPerClient = 3 }, _time);
        var client = Key(1);
        store.RecordRequest(client, "/a");
        store.RecordRequest(client, "/b");
        store.RecordRequest(client, "/c");

        _time.Advance(TimeSpan.FromMinutes(9));
        store.RecordRequest(client, "/a");
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, store.Read(client).DistinctPaths10m);
    }

    private static BehaviourKey Key(int i) => new($"192.0.2.{i}");
}
