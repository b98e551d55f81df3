using Gateway.DemoUpstream;

namespace Gateway.LoadTests.Tests.LoginSim;

public sealed class DemoUsersTests
{
    [Fact]
    public void GeneratedAccounts_AcceptTheirOwnPasswordOnly()
    {
        Assert.True(DemoUsers.Verify("user0001", DemoUsers.GeneratedPassword(1)));
        Assert.True(DemoUsers.Verify("USER5000", DemoUsers.GeneratedPassword(5000)));
        Assert.False(DemoUsers.Verify("user0001", DemoUsers.GeneratedPassword(2)));
        Assert.False(DemoUsers.Verify("user5001", DemoUsers.GeneratedPassword(5001)));
        Assert.False(DemoUsers.Verify("user0000", DemoUsers.GeneratedPassword(0)));
        Assert.NotEqual(DemoUsers.GeneratedPassword(1), DemoUsers.GeneratedPassword(2));
    }

    [Fact]
    public void NamedAccounts_StillWork() => Assert.True(DemoUsers.Verify("alice", "wonderland"));
}
