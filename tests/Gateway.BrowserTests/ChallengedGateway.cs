using System.Diagnostics.Metrics;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gateway.BrowserTests;

/// <summary>
/// A real gateway whose default policy challenges every request (ChallengeThreshold 0, so risk 0
/// is enough) in front of a real upstream, and a headless chromium, shared by one test class.
/// </summary>
public sealed class ChallengedGateway : IAsyncLifetime
{
    public TestUpstream Upstream { get; private set; } = null!;
    public GatewayInstance Gateway { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public MetricRecorder Metrics { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public async Task InitializeAsync()
    {
        Upstream = await TestUpstream.StartAsync();
        Gateway = await GatewayInstance.StartAsync(Upstream.Address,
            ("Protection:DecisionHeader", "true"),
            ("Protection:Policies:default:ChallengeThreshold", "0"),
            // About decisions, not latency: test assemblies share two cores.
            ("Protection:Policies:default:BudgetMilliseconds", "2000"));
        Metrics = new MetricRecorder(Gateway.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName);
        (_playwright, Browser) = await ChromiumBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Metrics.Dispose();
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
    }

    public string Url(string pathAndQuery) => Gateway.Address.TrimEnd('/') + pathAndQuery;
}
