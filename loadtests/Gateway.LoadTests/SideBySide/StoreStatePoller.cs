using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Targets;

namespace Gateway.LoadTests.SideBySide;

/// <summary>
/// Asks a gateway's <c>/readyz</c> several times a second during a run and remembers its feature
/// store's state (<c>redis</c>, <c>fallback</c>, …), so the report can show the degraded window
/// next to latency. Its own connection, so it never waits behind the load's.
/// </summary>
internal sealed class StoreStatePoller(string readinessUrl, TimeProvider time) : IDisposable
{
    public const string NoAnswer = "no-answer";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectCallback = LoopbackTarget.ConnectAsync,
    })
    {
        Timeout = TimeSpan.FromSeconds(1),
    };

    private readonly List<(long Timestamp, string State)> _observations = [];

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            string state;
            try
            {
                var json = await _client.GetStringAsync(readinessUrl, stopping).ConfigureAwait(false);
                state = ReadinessNote.StoreState(json) ?? NoAnswer;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                state = NoAnswer;
            }
            lock (_observations)
            {
                _observations.Add((time.GetTimestamp(), state));
            }
            try
            {
                await Task.Delay(Interval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The summary with each second's store state: the unusual one when the second saw more than
    /// one (a second with any fallback is a degraded second), else the one seen; a second nobody
    /// polled keeps the state before it.
    /// </summary>
    public RunSummary AddTo(RunSummary summary, long measureStart)
    {
        (long Timestamp, string State)[] observations;
        lock (_observations)
        {
            observations = [.. _observations];
        }
        if (observations.Length == 0)
        {
            return summary;
        }
        var timeline = new List<TimelinePoint>(summary.Timeline.Count);
        foreach (var point in summary.Timeline)
        {
            var from = measureStart + point.Second * time.TimestampFrequency;
            timeline.Add(point with { StoreState = StateIn(observations, from, from + time.TimestampFrequency) });
        }
        return summary with { Timeline = timeline };
    }

    /// <summary>The first unusual state seen in [from, to), else the last state seen there, else the one before.</summary>
    internal static string? StateIn(IReadOnlyList<(long Timestamp, string State)> observations, long from, long to)
    {
        string? before = null;
        string? last = null;
        foreach (var (timestamp, state) in observations)
        {
            if (timestamp < from)
            {
                before = state;
                continue;
            }
            if (timestamp >= to)
            {
                break;
            }
            if (!IsNormal(state))
            {
                return state;
            }
            last = state;
        }
        return last ?? before;
    }

    public void Dispose() => _client.Dispose();

    public static bool IsNormal(string state) => state is "redis" or "in-process";
}
