using Gateway.Scoring.Configuration;
using Gateway.Scoring.Features;
using Gateway.Scoring.Features.InProcess;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Features;

public sealed class FeatureStoreFactoryTests : IDisposable
{
    private readonly MetricsProbe _probe = new();

    public void Dispose() => _probe.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WithoutRedis_IsTheInProcessStore(string? connectionString)
    {
        using var store = FeatureStoreFactory.Create(
            connectionString, new FeatureStoreOptions(), _probe.Metrics, new ManualTimeProvider(), NullLoggerFactory.Instance);

        Assert.IsType<InProcessFeatureStore>(store);
        Assert.Equal(new FeatureStoreStatus(FeatureStoreStatus.InProcessBackend, null, null), store.Status);
        Assert.True(store.Status.IsHealthy);
    }

    [Fact]
    public void Create_WithInvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new FeatureStoreOptions { BreakDurationSeconds = 0, MaxTrackedClients = -1 };

        var failure = Assert.Throws<ProtectionConfigurationException>(() => FeatureStoreFactory.Create(
            "localhost,bogus=1", options, _probe.Metrics, new ManualTimeProvider(), NullLoggerFactory.Instance));

        Assert.Equal(3, failure.Errors.Count);
    }
}
