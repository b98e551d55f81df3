using System.Net;
using Gateway.LoadTests.Targets;

namespace Gateway.LoadTests.Tests.Targets;

public sealed class LoopbackTargetTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://LOCALHOST:5000")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://127.1.2.3:80")]
    public void Validate_LoopbackHttpBaseAddress_IsAccepted(string text)
    {
        Assert.Null(LoopbackTarget.Validate(text, out var target));
        Assert.NotNull(target);
    }

    [Theory]
    [InlineData("http://10.0.0.1:8080", "refused")]
    [InlineData("http://192.168.1.10", "refused")]
    [InlineData("http://0.0.0.0:8080", "refused")]
    [InlineData("http://example.com", "refused")]
    [InlineData("http://localhost.example.com", "refused")]
    [InlineData("http://127.0.0.1.nip.io", "refused")]
    [InlineData("http://[::ffff:10.0.0.1]:80", "refused")]
    [InlineData("https://127.0.0.1:8443", "only http://")]
    [InlineData("ftp://127.0.0.1", "only http://")]
    [InlineData("http://user:secret@127.0.0.1:8080", "credentials")]
    [InlineData("http://127.0.0.1:8080/login", "base address only")]
    [InlineData("127.0.0.1:8080", "absolute URL")]
    [InlineData("", "no target")]
    public void Validate_AnythingElse_IsRefusedWithAReason(string text, string reason)
    {
        var problem = LoopbackTarget.Validate(text, out var target);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
        Assert.Null(target);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.255.254", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    public void IsLoopback_OnlyLoopbackAddresses(string address, bool expected) =>
        Assert.Equal(expected, LoopbackTarget.IsLoopback(IPAddress.Parse(address)));
}
