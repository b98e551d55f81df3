using System.Net;
using Gateway.Scoring.ClientIp;
using Gateway.Scoring.Configuration;
using Microsoft.Extensions.Configuration;

namespace Gateway.Scoring.Tests.ClientIp;

public sealed class ClientIpOptionsTests
{
    [Fact]
    public void Create_EveryInvalidSetting_IsReportedWithItsKey()
    {
        var options = new ClientIpOptions
        {
            TrustedProxies = ["10.0.0.0/8", "2001:db8::/32", "10.1.2.3/8", "proxy.internal", "fe80::1%eth0"],
            Headers = (ForwardingHeaders)8,
            MaxForwardedEntries = 0,
        };
        var errors = new ConfigurationErrors();

        var resolver = ClientIpResolver.Create(options, errors);

        Assert.Equal(
            [
                "Protection:ClientIp:TrustedProxies:2: '10.1.2.3/8' has bits set past its prefix length; write the network address.",
                "Protection:ClientIp:TrustedProxies:3: 'proxy.internal' is not an IPv4/IPv6 address or CIDR network.",
                "Protection:ClientIp:TrustedProxies:4: 'fe80::1%eth0' is not an IPv4/IPv6 address or CIDR network.",
                "Protection:ClientIp:Headers: unknown value 8; use XForwardedFor, Forwarded, both (\"XForwardedFor, Forwarded\") or None.",
                "Protection:ClientIp:MaxForwardedEntries: must be within [1, 64]; got 0.",
            ],
            errors.Errors);
        // A misconfigured resolver trusts nobody.
        Assert.Equal(IPAddress.Loopback, resolver.Resolve(IPAddress.Loopback, "203.0.113.7", default).Address);
    }

    [Fact]
    public void Create_TooManyEntries_IsAnError()
    {
        var errors = new ConfigurationErrors();
        ClientIpResolver.Create(new ClientIpOptions { MaxForwardedEntries = 65 }, errors, "Custom");
        Assert.Equal(["Custom:MaxForwardedEntries: must be within [1, 64]; got 65."], errors.Errors);
    }

    [Fact]
    public void Bind_FromConfiguration_KeysMatchTheConfiguredIndexes()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Protection:ClientIp:TrustedProxies:0"] = "192.0.2.0/24",
                ["Protection:ClientIp:TrustedProxies:1"] = "bad",
                ["Protection:ClientIp:Headers"] = "Forwarded",
            })
            .Build();
        var options = configuration.GetSection("Protection:ClientIp").Get<ClientIpOptions>()!;
        var errors = new ConfigurationErrors();

        ClientIpResolver.Create(options, errors);

        Assert.Equal(ForwardingHeaders.Forwarded, options.Headers);
        Assert.Equal(["Protection:ClientIp:TrustedProxies:1: 'bad' is not an IPv4/IPv6 address or CIDR network."], errors.Errors);
    }

    [Fact]
    public void Bind_BothHeaders_ParsesTheCommaSeparatedForm()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Headers"] = "Forwarded, XForwardedFor" })
            .Build();
        Assert.Equal(ForwardingHeaders.XForwardedFor | ForwardingHeaders.Forwarded, configuration.Get<ClientIpOptions>()!.Headers);
    }
}
