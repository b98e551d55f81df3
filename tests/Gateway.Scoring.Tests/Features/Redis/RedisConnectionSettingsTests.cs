using System.Net;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Features.Redis;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Gateway.Scoring.Tests.Features.Redis;

public sealed class RedisConnectionSettingsTests
{
    [Fact]
    public void Nothing_Configured_MeansNoRedis_AndNoError()
    {
        var errors = new ConfigurationErrors();

        Assert.Null(RedisConnectionSettings.Resolve(new RedisStoreOptions(), null, errors));
        Assert.Null(RedisConnectionSettings.Resolve(new RedisStoreOptions(), "  ", errors));
        Assert.Empty(errors.Errors);
    }

    [Fact]
    public void Endpoints_BecomeClientOptions_ThatDoNotAbortWhenRedisIsDown()
    {
        var errors = new ConfigurationErrors();
        var redis = new RedisStoreOptions
        {
            Endpoints = ["redis-a.internal:7000", "10.0.0.2:7001", "[2001:db8::3]:7002", "redis-d"],
            Password = "s3cret",
            Ssl = true,
            ConnectTimeoutMilliseconds = 2500,
        };

        var options = RedisConnectionSettings.Resolve(redis, null, errors);

        Assert.Empty(errors.Errors);
        Assert.NotNull(options);
        Assert.Equal(
            ["redis-a.internal:7000", "10.0.0.2:7001", "[2001:db8::3]:7002", "redis-d:6379"],
            options!.EndPoints.Select(Describe).ToArray());
        Assert.Equal("s3cret", options.Password);
        Assert.True(options.Ssl);
        Assert.Equal(2500, options.ConnectTimeout);
        Assert.False(options.AbortOnConnectFail);
    }

    [Fact]
    public void ConnectionString_IsTheAlternative_AndAlsoDoesNotAbort()
    {
        var errors = new ConfigurationErrors();

        var options = RedisConnectionSettings.Resolve(new RedisStoreOptions(), "redis:6379,abortConnect=true,syncTimeout=250", errors);

        Assert.Empty(errors.Errors);
        Assert.Equal("redis:6379", Describe(Assert.Single(options!.EndPoints)));
        Assert.Equal(250, options.SyncTimeout);
        Assert.False(options.AbortOnConnectFail);
    }

    [Fact]
    public void BadEndpoints_AreEachReportedUnderTheirIndex_WithoutEchoingAnEntryThatMayHoldAPassword()
    {
        var errors = new ConfigurationErrors();
        var redis = new RedisStoreOptions
        {
            Endpoints = ["good:6379", "", "host:0", "host:70000", "host:abc", "::1", "[::1", ":6379", "host:6379,password=hunter2", "GOOD:6379"],
        };

        Assert.Null(RedisConnectionSettings.Resolve(redis, null, errors));

        Assert.Equal(9, errors.Errors.Count);
        for (var i = 1; i <= 9; i++)
        {
            Assert.Contains(errors.Errors, e => e.StartsWith($"Protection:Features:Redis:Endpoints:{i}: ", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(errors.Errors, e => e.Contains("hunter2", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.Contains("repeats good:6379", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EndpointsAndConnectionStringTogether_AreAnError_NamingBothKeys()
    {
        var errors = new ConfigurationErrors();

        Assert.Null(RedisConnectionSettings.Resolve(new RedisStoreOptions { Endpoints = ["a:6379"] }, "b:6379", errors));

        var error = Assert.Single(errors.Errors);
        Assert.StartsWith("Protection:Features:Redis:Endpoints: ", error);
        Assert.Contains("ConnectionStrings:Redis", error);
    }

    [Fact]
    public void PasswordOrSslWithoutEndpoints_AndAnOutOfRangeTimeout_AreErrors()
    {
        var errors = new ConfigurationErrors();

        RedisConnectionSettings.Resolve(new RedisStoreOptions { Password = "x", ConnectTimeoutMilliseconds = 10 }, null, errors);

        Assert.Equal(2, errors.Errors.Count);
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Features:Redis: ", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Features:Redis:ConnectTimeoutMilliseconds: ", StringComparison.Ordinal));
    }

    [Fact]
    public void SectionGivenAsAPlainValue_IsAnError_InsteadOfBeingIgnored()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Protection:Features:Redis"] = "redis:6379" })
            .Build();
        var errors = new ConfigurationErrors();

        RedisConnectionSettings.RejectScalarSection(configuration, errors);

        var error = Assert.Single(errors.Errors);
        Assert.StartsWith("Protection:Features:Redis: ", error);
        Assert.Contains("Endpoints", error);
    }

    private static string Describe(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint ip => ip.ToString(),
        _ => endPoint.ToString()!,
    };
}
