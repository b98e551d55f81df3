using System.Globalization;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Engine;

/// <summary>Runs the scenario against one address and says briefly how it went.</summary>
internal static class TargetDriver
{
    public static async Task<RunSummary> DriveAsync(
        string name, string url, Scenario scenario, LoadSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        using var sender = new HttpRequestSender(url, settings.Connections, settings.RequestTimeout);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {name} at {url}: {settings.Describe()}; warm-up {settings.WarmUp.TotalSeconds:0.#} s, measuring {settings.Duration.TotalSeconds:0.#} s"));
        var recorder = await new LoadRunner(sender, scenario, settings, time).RunAsync(cancellationToken).ConfigureAwait(false);
        var summary = recorder.Summarize(name);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {summary.Completed:N0} responses in {summary.MeasuredSeconds:0.0} s = {summary.RequestsPerSecond:N0} req/s; p50 {summary.Latency.P50:0.000} ms, p99 {summary.Latency.P99:0.000} ms, max {summary.Latency.Max:0.000} ms; errors {summary.Errors}, unsent {summary.Unsent}"));
        return summary;
    }
}
