using Gateway.Scoring.Login;
using Gateway.Scoring.Login.Redis;
using StackExchange.Redis;

namespace Gateway.Scoring.Tests.Login.Redis;

/// <summary>Every script touches one entity's keys only, and they share a hash tag, so each runs on one Redis Cluster node.</summary>
public sealed class LoginRedisKeysTests
{
    private static string HashTag(RedisKey key)
    {
        var text = (string)key!;
        var open = text.IndexOf('{');
        var close = text.IndexOf('}', open + 1);
        Assert.True(open >= 0 && close > open + 1, $"{text} has no hash tag");
        return text[(open + 1)..close];
    }

    [Theory]
    [InlineData(LoginEntityKind.Ip, "2001:db8::7")]
    [InlineData(LoginEntityKind.Subnet, "198.51.100.0/24")]
    [InlineData(LoginEntityKind.Asn, "7922")]
    [InlineData(LoginEntityKind.Infrastructure, "all")]
    [InlineData(LoginEntityKind.Username, "0123456789abcdef0123456789abcdef")]
    public void ReadAndWriteKeys_OfOneEntity_ShareOneHashTag(LoginEntityKind kind, string id)
    {
        var entity = new LoginEntity(kind, id);
        var now = DateTimeOffset.Parse("2026-11-21T10:59:59Z").ToUnixTimeMilliseconds();

        var tags = LoginRedisKeys.ForRead("gw", entity, now).Concat(LoginRedisKeys.ForWrite("gw", entity, now)).Select(HashTag).Distinct();

        Assert.Equal("L:" + entity.Tag, Assert.Single(tags));
    }

    [Fact]
    public void EntitiesOfDifferentKinds_HaveDifferentTags() =>
        Assert.NotEqual(HashTag(LoginRedisKeys.ForRead("gw", new(LoginEntityKind.Ip, "7922"), 0)[0]),
            HashTag(LoginRedisKeys.ForRead("gw", new(LoginEntityKind.Asn, "7922"), 0)[0]));

    [Fact]
    public void ReadKeys_NameThisPeriodAndThePreviousOne()
    {
        var now = (long)(LoginWindows.LongPeriod.TotalMilliseconds * 5) + 1;
        var keys = LoginRedisKeys.ForRead("gw", new(LoginEntityKind.Ip, "192.0.2.1"), now).Select(k => (string)k!).ToArray();

        Assert.EndsWith(":c", keys[0]);
        Assert.EndsWith($":s:{LoginWindows.ShortPeriodAt(now)}", keys[1]);
        Assert.EndsWith($":s:{LoginWindows.ShortPeriodAt(now) - 1}", keys[2]);
        Assert.EndsWith(":l:5", keys[3]);
        Assert.EndsWith(":l:4", keys[4]);
        Assert.EndsWith(":loc", keys[5]);
    }
}
