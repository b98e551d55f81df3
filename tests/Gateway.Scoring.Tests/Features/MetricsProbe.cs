using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Scoring.Tests.Features;

/// <summary>
/// Real <see cref="ProtectionMetrics"/> on its own meter factory, with a listener that sums what
/// that factory's instruments record (and nothing from tests running beside it).
/// </summary>
internal sealed class MetricsProbe : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricsProbe()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            foreach (var tag in tags)
            {
                _totals.AddOrUpdate($"{instrument.Name}|{tag.Value}", value, (_, total) => total + value);
            }
        });
        _listener.Start();
        Metrics = new ProtectionMetrics(factory);
    }

    public ProtectionMetrics Metrics { get; }

    /// <summary>Sum recorded by an instrument, optionally only where one of its tags has <paramref name="tagValue"/>.</summary>
    public long Total(string instrument, string? tagValue = null) =>
        _totals.TryGetValue(tagValue is null ? instrument : $"{instrument}|{tagValue}", out var total) ? total : 0;

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
