using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Engine;

/// <summary>
/// Drives one scenario against one target: a warm-up whose requests are sent but not recorded,
/// then the measured phase, bounded by duration and (optionally) request count. Warm-up flows
/// straight into measurement with no pause, so connections and caches stay as warm as the
/// warm-up left them.
/// </summary>
internal sealed class LoadRunner(IRequestSender sender, Scenario scenario, LoadSettings settings, TimeProvider time)
{
    /// <summary>Open model: how far ahead of the first planned request the schedule starts.</summary>
    private static readonly TimeSpan ScheduleLead = TimeSpan.FromMilliseconds(20);

    public Task<RunRecorder> RunAsync(CancellationToken cancellationToken) => settings.Model == LoadModel.Closed
        ? RunClosedAsync(cancellationToken)
        : RunOpenAsync(cancellationToken);

    private async Task<RunRecorder> RunClosedAsync(CancellationToken cancellationToken)
    {
        var frequency = time.TimestampFrequency;
        var start = time.GetTimestamp();
        var measureStart = start + Ticks(settings.WarmUp, frequency);
        var end = measureStart + Ticks(settings.Duration, frequency);
        var durationTicks = Math.Max(1, end - measureStart);
        var recorder = new RunRecorder(measureStart, frequency, settings.Duration);
        long sequence = -1;
        long measuredStarted = 0;

        async Task Connection()
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var sent = time.GetTimestamp();
                if (sent >= end)
                {
                    return;
                }
                var measured = sent >= measureStart;
                if (measured && settings.MaxRequests > 0 && Interlocked.Increment(ref measuredStarted) > settings.MaxRequests)
                {
                    return;
                }
                var progress = measured ? (double)(sent - measureStart) / durationTicks : 0;
                var request = scenario.Next(Interlocked.Increment(ref sequence), progress);
                var response = await sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (measured)
                {
                    recorder.Record(request.Kind, new RequestTiming(sent, sent, time.GetTimestamp()), response);
                }
            }
        }

        var connections = new Task[settings.Connections];
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i] = Task.Run(Connection, cancellationToken);
        }
        await Task.WhenAll(connections).ConfigureAwait(false);
        return recorder;
    }

    private async Task<RunRecorder> RunOpenAsync(CancellationToken cancellationToken)
    {
        var frequency = time.TimestampFrequency;
        var start = time.GetTimestamp() + Ticks(ScheduleLead, frequency);
        var measureStart = start + Ticks(settings.WarmUp, frequency);
        var end = measureStart + Ticks(settings.Duration, frequency);
        var durationTicks = Math.Max(1, end - measureStart);
        var schedule = new OpenSchedule(start, settings.Rate, frequency);
        var recorder = new RunRecorder(measureStart, frequency, settings.Duration);
        var slots = new SemaphoreSlim(settings.Connections, settings.Connections);
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outstanding = 1; // the dispatcher's own share, released when it stops planning
        var backlog = 0;

        void Finish()
        {
            if (Interlocked.Decrement(ref outstanding) == 0)
            {
                allDone.TrySetResult();
            }
        }

        async Task SendPlannedAsync(long index, long intended, bool measured, double progress)
        {
            try
            {
                var request = scenario.Next(index, progress);
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Decrement(ref backlog);
                try
                {
                    var sent = time.GetTimestamp();
                    var response = await sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    if (measured)
                    {
                        recorder.Record(request.Kind, new RequestTiming(intended, sent, time.GetTimestamp()), response);
                    }
                }
                finally
                {
                    slots.Release();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            finally
            {
                Finish();
            }
        }

        void Dispatch()
        {
            long measuredPlanned = 0;
            for (long index = 0; !cancellationToken.IsCancellationRequested; index++)
            {
                var intended = schedule.IntendedTimestamp(index);
                if (intended >= end)
                {
                    break;
                }
                var measured = intended >= measureStart;
                if (measured && settings.MaxRequests > 0 && ++measuredPlanned > settings.MaxRequests)
                {
                    break;
                }
                WaitUntil(intended, cancellationToken);
                if (Volatile.Read(ref backlog) >= settings.MaxBacklog)
                {
                    if (measured)
                    {
                        recorder.RecordUnsent(intended);
                    }
                    continue;
                }
                Interlocked.Increment(ref backlog);
                Interlocked.Increment(ref outstanding);
                var progress = measured ? (double)(intended - measureStart) / durationTicks : 0;
                // Off the dispatcher thread: building and writing a request would delay the next plan.
                var planned = index;
                _ = Task.Run(() => SendPlannedAsync(planned, intended, measured, progress), CancellationToken.None);
            }
            Finish();
        }

        var dispatcher = new Thread(Dispatch) { IsBackground = true, Name = "open-model-dispatcher" };
        dispatcher.Start();
        await allDone.Task.ConfigureAwait(false);
        return recorder;
    }

    /// <summary>
    /// Sleeps while the planned time is more than a sleep's granularity away (about 1.1 ms on
    /// Linux), then spins the last stretch: every bit of lateness counts as latency in the open
    /// model. The spin yields to other runnable threads; still, above about 1,000 requests per
    /// second the dispatcher keeps most of one core busy. The send-lag column shows the precision
    /// achieved.
    /// </summary>
    private void WaitUntil(long timestamp, CancellationToken cancellationToken)
    {
        var coarse = time.TimestampFrequency * 12 / 10_000;
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = timestamp - time.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }
            if (remaining > coarse)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    private static long Ticks(TimeSpan span, long frequency) => (long)(span.TotalSeconds * frequency);
}
