using Gateway.Scoring.Login;
using Gateway.Scoring.Login.InProcess;

namespace Gateway.Scoring.Tests.Login.InProcess;

public sealed class InProcessLoginStoreConformanceTests : LoginStoreConformanceTests
{
    private protected override Task<ILoginStore> CreateStoreAsync() =>
        Task.FromResult<ILoginStore>(Own(new InProcessLoginStore(100_000, Time)));

    [Fact]
    public void Store_StaysWithinItsEntityBound()
    {
        var store = new InProcessLoginStore(1_000, Time);
        for (var i = 0; i < 5_000; i++)
        {
            store.Record(new LoginEntity(LoginEntityKind.Ip, $"10.0.{i / 256}.{i % 256}"), new LoginObservation(LoginOutcome.Failure, 1));
            Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(store.Count, 1, 1_000);
        Assert.Equal(1, store.Read(new LoginEntity(LoginEntityKind.Ip, "10.0.19.135"), default).Attempts10m, 3);
    }
}
