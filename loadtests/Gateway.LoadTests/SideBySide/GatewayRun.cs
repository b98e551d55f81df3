namespace Gateway.LoadTests.SideBySide;

/// <summary>What a job running beside the load knows about the gateway under test.</summary>
/// <param name="Redis">The gateway's redis-server, when the target has one.</param>
/// <param name="MeasureStart">Timestamp (of <paramref name="Time"/>) at which the measured part of the run begins.</param>
/// <param name="Stopping">Cancelled when the load has ended.</param>
internal sealed record GatewayRun(string Target, string Url, RedisServerProcess? Redis, long MeasureStart, TimeProvider Time, CancellationToken Stopping)
{
    /// <summary>Waits until <paramref name="offset"/> after the start of measurement.</summary>
    public Task DelayUntilMeasured(TimeSpan offset, CancellationToken cancellationToken)
    {
        var due = MeasureStart + (long)(offset.TotalSeconds * Time.TimestampFrequency);
        var wait = Time.GetElapsedTime(Time.GetTimestamp(), due);
        return wait > TimeSpan.Zero ? Task.Delay(wait, Time, cancellationToken) : Task.CompletedTask;
    }
}
