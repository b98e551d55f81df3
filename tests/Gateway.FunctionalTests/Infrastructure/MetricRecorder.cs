using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>Listens to the gateway's meter in this process: sums each counter, and counts each histogram's
/// measurements, by name and tag value.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ConcurrentDictionary<string, long> _observed = new();
    private readonly ConcurrentDictionary<string, long> _recordings = new();

    /// <param name="scope">The gateway's <see cref="IMeterFactory"/>: several gateways run in one test
    /// process, and only this one's instruments are counted.</param>
    public MetricRecorder(IMeterFactory scope, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.IsObservable)
            {
                // An observable counter reports its running total each time it is read.
                foreach (var tag in tags)
                {
                    _observed[$"{instrument.Name}|{tag.Key}={tag.Value}"] = value;
                }
                return;
            }
            _totals.AddOrUpdate(instrument.Name, value, (_, old) => old + value);
            foreach (var tag in tags)
            {
                _totals.AddOrUpdate($"{instrument.Name}|{tag.Key}={tag.Value}", value, (_, old) => old + value);
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            // Histograms of durations: what is counted is how many measurements each tag value got.
            _recordings.AddOrUpdate(instrument.Name, 1, (_, old) => old + 1);
            foreach (var tag in tags)
            {
                _recordings.AddOrUpdate($"{instrument.Name}|{tag.Key}={tag.Value}", 1, (_, old) => old + 1);
            }
        });
        _listener.Start();
    }

    /// <summary>Total of a counter, optionally only measurements carrying tag <paramref name="tag"/> (<c>key=value</c>).</summary>
    public long Total(string instrument, string? tag = null) =>
        _totals.TryGetValue(tag is null ? instrument : $"{instrument}|{tag}", out var total) ? total : 0;

    /// <summary>Reads the observable instruments now; the running total of <paramref name="instrument"/> for <paramref name="tag"/> (<c>key=value</c>).</summary>
    public long Observed(string instrument, string tag)
    {
        _listener.RecordObservableInstruments();
        return _observed.TryGetValue($"{instrument}|{tag}", out var total) ? total : 0;
    }

    /// <summary>How many measurements a histogram of doubles got, optionally only those carrying <paramref name="tag"/> (<c>key=value</c>).</summary>
    public long Recordings(string instrument, string? tag = null) =>
        _recordings.TryGetValue(tag is null ? instrument : $"{instrument}|{tag}", out var count) ? count : 0;

    public void Dispose() => _listener.Dispose();
}
