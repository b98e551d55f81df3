using Gateway.Scoring.Login;
using Gateway.Scoring.Login.Device;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Login.Device;

public sealed class DeviceCookiesTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly UsernameHasher Hasher = new(Key);
    private static readonly HashedUsername Alice = Hasher.Hash("alice")!.Value;
    private static readonly HashedUsername Bob = Hasher.Hash("bob")!.Value;

    private readonly ManualTimeProvider _time = new();

    private DeviceCookies Cookies(int lifetimeDays = 90, int maxUsernames = 3, byte[]? key = null) =>
        new(new DeviceOptions { LifetimeDays = lifetimeDays, MaxUsernames = maxUsernames }, key ?? Key, _time);

    [Fact]
    public void AnIssuedCookie_VouchesForItsUsername()
    {
        var cookies = Cookies();
        var text = cookies.Issue(null, Alice);

        Assert.Equal(DeviceCookieStatus.Vouches, cookies.Check(text, Alice, out var cookie));
        Assert.NotNull(cookie);
        Assert.Equal(DeviceCookie.DeviceIdSize, cookie.DeviceId.Length);
    }

    [Fact]
    public void TheCookie_NeverHoldsTheUsernameOrItsStoreKey()
    {
        var text = Cookies().Issue(null, Alice);
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(text.AsSpan(0, text.IndexOf('.')));

        Assert.DoesNotContain("alice", System.Text.Encoding.Latin1.GetString(payload), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Alice.Id[..16], Convert.ToHexStringLower(payload));
    }

    [Fact]
    public void ACookieForAnotherUsername_DoesNotVouch_ButIsValid()
    {
        var cookies = Cookies();
        var text = cookies.Issue(null, Alice);

        Assert.Equal(DeviceCookieStatus.OtherUsername, cookies.Check(text, Bob, out var cookie));
        Assert.NotNull(cookie);
    }

    [Fact]
    public void ATamperedPayload_IsRefused()
    {
        var cookies = Cookies();
        var text = cookies.Issue(null, Alice);
        var chars = text.ToCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';

        Assert.Equal(DeviceCookieStatus.BadSignature, cookies.Check(new string(chars), Alice, out var cookie));
        Assert.Null(cookie);
    }

    [Fact]
    public void ACookieSignedWithAnotherKey_IsRefused()
    {
        var foreign = Cookies(key: Enumerable.Repeat((byte)7, 32).ToArray()).Issue(null, Alice);

        Assert.Equal(DeviceCookieStatus.BadSignature, Cookies().Check(foreign, Alice, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData(".abc")]
    [InlineData("!!!.???")]
    public void MalformedText_IsRefused(string text)
    {
        Assert.Equal(DeviceCookieStatus.Malformed, Cookies().Check(text, Alice, out _));
    }

    [Fact]
    public void OverlongText_IsRefusedBeforeDecoding()
    {
        Assert.Equal(DeviceCookieStatus.Malformed, Cookies().Check(new string('A', DeviceCookies.MaxTextLength) + ".x", Alice, out _));
    }

    [Fact]
    public void ACookie_ExpiresAfterItsLifetime()
    {
        var cookies = Cookies(lifetimeDays: 30);
        var text = cookies.Issue(null, Alice);

        _time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(DeviceCookieStatus.Vouches, cookies.Check(text, Alice, out _));
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(DeviceCookieStatus.Expired, cookies.Check(text, Alice, out var cookie));
        Assert.Null(cookie);
    }

    [Fact]
    public void ReissuingAfterALogin_KeepsTheDevice_AndRestartsTheLifetime()
    {
        var cookies = Cookies(lifetimeDays: 30);
        var first = cookies.Issue(null, Alice);
        _time.Advance(TimeSpan.FromDays(20));
        cookies.Check(first, Alice, out var presented);
        var second = cookies.Issue(presented, Alice);
        _time.Advance(TimeSpan.FromDays(20));

        Assert.Equal(DeviceCookieStatus.Expired, cookies.Check(first, Alice, out _));
        Assert.Equal(DeviceCookieStatus.Vouches, cookies.Check(second, Alice, out var renewed));
        Assert.Equal(presented!.DeviceId, renewed!.DeviceId);
        Assert.Single(renewed.Tags);
    }

    [Fact]
    public void ASharedComputer_VouchesForUpToItsCap_DroppingTheLeastRecent()
    {
        var cookies = Cookies(maxUsernames: 3);
        var users = new[] { "ann", "ben", "cat", "dan" }.Select(u => Hasher.Hash(u)!.Value).ToArray();
        DeviceCookie? device = null;
        string text = "";
        foreach (var user in users)
        {
            text = cookies.Issue(device, user);
            cookies.Check(text, user, out device);
        }

        Assert.Equal(3, device!.Tags.Length);
        Assert.Equal(DeviceCookieStatus.OtherUsername, cookies.Check(text, users[0], out _));
        Assert.All(users[1..], user => Assert.Equal(DeviceCookieStatus.Vouches, cookies.Check(text, user, out _)));
    }

    [Fact]
    public void SigningInAgain_MovesTheUsernameFirst_WithoutDuplicating()
    {
        var cookies = Cookies(maxUsernames: 2);
        cookies.Check(cookies.Issue(null, Alice), Alice, out var device);
        cookies.Check(cookies.Issue(device, Bob), Bob, out device);
        var text = cookies.Issue(device, Alice);
        var carol = Hasher.Hash("carol")!.Value;
        cookies.Check(text, Alice, out device);
        text = cookies.Issue(device, carol);

        Assert.Equal(DeviceCookieStatus.Vouches, cookies.Check(text, Alice, out device));
        Assert.Equal(DeviceCookieStatus.OtherUsername, cookies.Check(text, Bob, out _));
        Assert.Equal(2, device!.Tags.Length);
    }

    [Fact]
    public void APayloadClaimingMoreTagsThanItHolds_IsMalformed()
    {
        var cookie = new DeviceCookie(DateTimeOffset.UnixEpoch, new byte[DeviceCookie.DeviceIdSize], [1, 2]);
        var payload = cookie.ToPayload();
        payload[1 + 8 + DeviceCookie.DeviceIdSize] = 3;

        Assert.Null(DeviceCookie.FromPayload(payload));
        Assert.NotNull(DeviceCookie.FromPayload(cookie.ToPayload()));
    }
}
