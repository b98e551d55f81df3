using Gateway.Scoring.Model;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// Holds the scorer's worker inside its first batch until released, so that what queues up
/// behind it — and what gets shed — is decided by the test, not by thread timing.
/// </summary>
internal sealed class WorkerGate : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _released = new();
    private int _batches;

    public WorkerGate(OnnxContentScorer scorer) =>
        scorer.BatchStarting = _ =>
        {
            if (Interlocked.Increment(ref _batches) == 1)
            {
                _entered.Set();
                _released.Wait(Patience);
            }
        };

    public void WaitUntilHeld() => Assert.True(_entered.Wait(Patience), "The worker never started its first batch.");

    public void Release() => _released.Set();

    public void Dispose()
    {
        _released.Set();
        _entered.Dispose();
    }
}
