using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// Listens to <c>protection.model.batch_size</c> of the meters one factory created (other tests
/// run in parallel with their own factories and must not leak in).
/// </summary>
internal sealed class BatchSizeRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<int> _sizes = new();

    public BatchSizeRecorder(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Name == "protection.model.batch_size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) => _sizes.Enqueue(size));
        _listener.Start();
    }

    public IReadOnlyList<int> Sizes => [.. _sizes];

    public void Dispose() => _listener.Dispose();
}
