using Gateway.Scoring.Login;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Login;

/// <summary>What every login store must do, run against each backend with a manual clock.</summary>
public abstract class LoginStoreConformanceTests : IDisposable
{
    private static readonly LoginEntity Ip = new(LoginEntityKind.Ip, "198.51.100.7");
    private static readonly LoginEntity User = new(LoginEntityKind.Username, "0123456789abcdef0123456789abcdef");
    private readonly List<IDisposable> _owned = [];

    private protected ManualTimeProvider Time { get; } = new();

    private protected abstract Task<ILoginStore> CreateStoreAsync();

    /// <summary>Writes may land after Record returns (Redis); reads poll until the expected state shows.</summary>
    private protected virtual Task SettleAsync(ILoginStore store) => Task.CompletedTask;

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
    }

    private async Task<LoginEntityState> ReadAsync(ILoginStore store, LoginEntity entity, LoginReadContext context = default)
    {
        await SettleAsync(store);
        return await store.ReadAsync(entity, context, CancellationToken.None);
    }

    [Fact]
    public async Task Read_UnknownEntity_IsEmpty()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(LoginEntityState.Empty, await ReadAsync(store, Ip));
    }

    [Fact]
    public async Task Record_CountsAttemptsFailuresSuccessesAndDistinctMembers()
    {
        var store = await CreateStoreAsync();

        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 11));
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 12));
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 12));
        store.Record(Ip, new LoginObservation(LoginOutcome.Success, 13));
        store.Record(Ip, new LoginObservation(LoginOutcome.Stopped, 14));
        store.Record(Ip, new LoginObservation(LoginOutcome.Other, 0));

        var state = await ReadAsync(store, Ip);
        Assert.Equal(6, state.Attempts10m, 6);
        Assert.Equal(3, state.Failures10m, 6);
        Assert.Equal(1, state.Successes10m, 6);
        Assert.Equal(6, state.Attempts1h, 6);
        Assert.Equal(3, state.Failures1h, 6);
        Assert.Equal(1, state.Successes1h, 6);
        Assert.Equal(4, state.Distinct10m);
        Assert.Equal(4, state.Distinct1h);
        Assert.Equal(0.75, state.FailureRatio10m, 6);
        Assert.False(state.Cracked);
    }

    [Fact]
    public async Task Counts_HalveEveryHalfLife()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 8; i++)
        {
            store.Record(Ip, new LoginObservation(LoginOutcome.Failure, (ulong)i + 1));
        }
        await SettleAsync(store);

        Time.Advance(LoginWindows.ShortHalfLife);
        var afterTen = await ReadAsync(store, Ip);
        Time.Advance(LoginWindows.LongHalfLife - LoginWindows.ShortHalfLife);
        var afterHour = await ReadAsync(store, Ip);

        Assert.Equal(4, afterTen.Failures10m, 6);
        Assert.Equal(8 * Math.Pow(2, -1.0 / 6), afterTen.Failures1h, 6);
        Assert.Equal(8 * Math.Pow(2, -6), afterHour.Failures10m, 6);
        Assert.Equal(4, afterHour.Failures1h, 6);
    }

    [Fact]
    public async Task Record_DecaysOldCountsBeforeAddingNewOnes()
    {
        var store = await CreateStoreAsync();
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 1));
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 1));
        await SettleAsync(store);

        Time.Advance(LoginWindows.ShortHalfLife);
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 1));

        Assert.Equal(2, (await ReadAsync(store, Ip)).Failures10m, 6);
    }

    [Fact]
    public async Task DistinctCounts_CoverThisPeriodAndThePreviousOne()
    {
        var store = await CreateStoreAsync();
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 1));
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 2));
        await SettleAsync(store);
        Time.Advance(LoginWindows.ShortPeriod);
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 3));

        var nextPeriod = await ReadAsync(store, Ip);
        Time.Advance(LoginWindows.ShortPeriod);
        var twoPeriodsLater = await ReadAsync(store, Ip);
        Time.Advance(LoginWindows.ShortPeriod);
        var threePeriodsLater = await ReadAsync(store, Ip);

        Assert.Equal(3, nextPeriod.Distinct10m);
        Assert.Equal(1, twoPeriodsLater.Distinct10m);
        Assert.Equal(0, threePeriodsLater.Distinct10m);
        Assert.Equal(3, threePeriodsLater.Distinct1h);
    }

    [Fact]
    public async Task Success_RemembersTheUsernamesCountryAndAsn_FailuresDoNot()
    {
        var store = await CreateStoreAsync();
        store.Record(User, new LoginObservation(LoginOutcome.Failure, 5, "RU", 12389));
        store.Record(User, new LoginObservation(LoginOutcome.Success, 6, "DE", 3320));

        var home = await ReadAsync(store, User, new LoginReadContext("DE", 3320));
        var elsewhere = await ReadAsync(store, User, new LoginReadContext("RU", 12389));
        var sameCountryOtherAsn = await ReadAsync(store, User, new LoginReadContext("DE", 3209));

        Assert.Equal(2, home.KnownLocations);
        Assert.True(home.CountryKnown);
        Assert.True(home.AsnKnown);
        Assert.False(elsewhere.CountryKnown);
        Assert.False(elsewhere.AsnKnown);
        Assert.True(sameCountryOtherAsn.CountryKnown);
        Assert.False(sameCountryOtherAsn.AsnKnown);
    }

    [Fact]
    public async Task Locations_KeepTheMostRecentOnesOnly()
    {
        var store = await CreateStoreAsync();
        for (var asn = 1u; asn <= LoginWindows.MaxLocations + 5; asn++)
        {
            store.Record(User, new LoginObservation(LoginOutcome.Success, asn, null, asn));
            await SettleAsync(store);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var state = await ReadAsync(store, User, new LoginReadContext(null, LoginWindows.MaxLocations + 5));
        var first = await ReadAsync(store, User, new LoginReadContext(null, 1));

        Assert.Equal(LoginWindows.MaxLocations, state.KnownLocations);
        Assert.True(state.AsnKnown);
        Assert.False(first.AsnKnown);
    }

    [Fact]
    public async Task CrackedMark_LastsForItsMemoryThenLapses()
    {
        var store = await CreateStoreAsync();
        store.Record(User, new LoginObservation(LoginOutcome.Success, 1, MarkCracked: true));

        var now = await ReadAsync(store, User);
        Time.Advance(LoginWindows.CrackedMemory + TimeSpan.FromSeconds(1));
        var later = await ReadAsync(store, User);

        Assert.True(now.Cracked);
        Assert.False(later.Cracked);
    }

    [Fact]
    public async Task Entities_OfDifferentKindsWithTheSameId_AreSeparate()
    {
        var store = await CreateStoreAsync();
        store.Record(new LoginEntity(LoginEntityKind.Asn, "7922"), new LoginObservation(LoginOutcome.Failure, 1));

        Assert.Equal(0, (await ReadAsync(store, new LoginEntity(LoginEntityKind.Ip, "7922"))).Attempts10m);
        Assert.Equal(1, (await ReadAsync(store, new LoginEntity(LoginEntityKind.Asn, "7922"))).Attempts10m, 6);
    }

    [Fact]
    public async Task ManyDistinctMembers_AreCountedWithinTheSketchError()
    {
        var store = await CreateStoreAsync();
        const int members = 2_000;
        for (var i = 1; i <= members; i++)
        {
            store.Record(LoginEntity.Infrastructure, new LoginObservation(LoginOutcome.Failure, (ulong)i * 0x9E3779B97F4A7C15UL));
        }

        var state = await ReadAsync(store, LoginEntity.Infrastructure);

        Assert.InRange(state.Distinct10m, members * 0.9, members * 1.1);
        Assert.Equal(members, state.Failures10m, 3);
    }

    private static readonly LoginSiteWindows Site = new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1));

    private async Task<LoginSiteState> ReadSiteAsync(ILoginStore store, string profile = "form")
    {
        await SettleAsync(store);
        return await store.ReadSiteAsync(profile, Site, CancellationToken.None);
    }

    [Fact]
    public async Task Locations_RememberTheSubnetsOfSuccesses()
    {
        var store = await CreateStoreAsync();
        store.Record(User, new LoginObservation(LoginOutcome.Success, 1, "US", 7922, Subnet: "198.51.100.0/24"));
        store.Record(User, new LoginObservation(LoginOutcome.Failure, 2, Subnet: "203.0.113.0/24"));

        var home = await ReadAsync(store, User, new LoginReadContext(null, 0, "198.51.100.0/24"));
        var elsewhere = await ReadAsync(store, User, new LoginReadContext(null, 0, "203.0.113.0/24"));

        Assert.True(home.SubnetKnown);
        Assert.False(elsewhere.SubnetKnown);
        Assert.Equal(3, home.KnownLocations);
    }

    [Fact]
    public async Task ReadSite_UnknownProfile_IsEmpty()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(LoginSiteState.Empty, await ReadSiteAsync(store));
    }

    [Fact]
    public async Task RecordSite_CountsAttemptsFailuresStoppedAndDistinctFailingUsernames()
    {
        var store = await CreateStoreAsync();
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Failure, 11, true), Site);
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Failure, 12, true), Site);
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Failure, 12, true), Site);
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Success, 0, true), Site);
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Stopped, 0, true), Site);
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Other, 0, true), Site);
        store.RecordSite("json", new LoginSiteObservation(LoginOutcome.Failure, 13, true), Site);

        var state = await ReadSiteAsync(store);

        Assert.Equal(6, state.ShortAttempts, 6);
        Assert.Equal(3, state.ShortFailures, 6);
        Assert.Equal(1, state.ShortStopped, 6);
        Assert.Equal(6, state.BaselineAttempts, 6);
        Assert.Equal(3, state.BaselineFailures, 6);
        Assert.Equal(1, state.BaselineStopped, 6);
        Assert.Equal(2, state.FailingUsernames);
        Assert.Equal(1, (await ReadSiteAsync(store, "json")).ShortFailures, 6);
    }

    [Fact]
    public async Task RecordSite_WithoutLearningTheBaseline_LeavesItAsItWas()
    {
        var store = await CreateStoreAsync();
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Success, 0, true), Site);
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Failure, 5, LearnBaseline: false), Site);

        var state = await ReadSiteAsync(store);

        Assert.Equal(2, state.ShortAttempts, 6);
        Assert.Equal(1, state.BaselineAttempts, 6);
        Assert.Equal(0, state.BaselineFailures, 6);
    }

    [Fact]
    public async Task SiteCounts_DecayWithTheirOwnHalfLives_EachFromItsOwnLastWrite()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 8; i++)
        {
            store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Failure, (ulong)i + 1, true), Site);
        }
        Time.Advance(TimeSpan.FromMinutes(30));
        // Under attack: the short window learns, the baseline does not (and keeps decaying from before).
        store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Stopped, 0, LearnBaseline: false), Site);
        Time.Advance(TimeSpan.FromMinutes(2));

        var state = await ReadSiteAsync(store);

        Assert.Equal((8 * Math.Pow(2, -16)) + 0.5, state.ShortAttempts, 4);
        Assert.Equal(0.5, state.ShortStopped, 4);
        Assert.Equal(8 * Math.Pow(2, -32.0 / 60), state.BaselineAttempts, 4);
        Assert.Equal(8 * Math.Pow(2, -32.0 / 60), state.BaselineFailures, 4);
    }
}
