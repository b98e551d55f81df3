using Gateway.Scoring.Features;
using Gateway.Scoring.Features.InProcess;

namespace Gateway.Scoring.Tests.Features.InProcess;

public sealed class InProcessFeatureStoreConformanceTests : FeatureStoreConformanceTests
{
    private protected override Task<IFeatureStore> CreateStoreAsync(FeatureStoreOptions options) =>
        Task.FromResult<IFeatureStore>(Own(new InProcessFeatureStore(options, Time)));
}
