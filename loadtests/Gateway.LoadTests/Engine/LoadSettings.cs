namespace Gateway.LoadTests.Engine;

/// <param name="Connections">Closed model: concurrent connections. Open model: most requests in flight at once.</param>
/// <param name="Rate">Open model: planned requests per second.</param>
/// <param name="MaxRequests">Stops measuring after this many requests; 0 = only the duration bounds the run.</param>
/// <param name="MaxBacklog">Open model: planned requests that may wait for a connection before new ones are dropped (and counted).</param>
internal sealed record LoadSettings(
    LoadModel Model,
    int Connections,
    double Rate,
    TimeSpan WarmUp,
    TimeSpan Duration,
    long MaxRequests,
    TimeSpan RequestTimeout,
    int MaxBacklog = LoadSettings.DefaultMaxBacklog)
{
    public const int DefaultMaxBacklog = 100_000;

    public string Describe() => Model == LoadModel.Closed
        ? $"closed model, {Connections} connections"
        : $"open model, {Rate:0.##} req/s planned, at most {Connections} in flight";
}
