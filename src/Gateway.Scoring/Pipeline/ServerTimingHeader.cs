using System.Globalization;

namespace Gateway.Scoring.Pipeline;

/// <summary>
/// <c>Server-Timing: protection;dur=&lt;ms&gt;</c>, the time the gateway spent deciding (W3C Server
/// Timing, so browser dev tools show it too). Sent beside the decision header when
/// <c>Protection:DecisionHeader</c> is on; the load tests read it to measure the decision time of
/// every request under load, apart from the proxying and the upstream.
/// </summary>
internal static class ServerTimingHeader
{
    public const string Name = "Server-Timing";

    public static string Format(TimeSpan decisionTime) =>
        string.Create(CultureInfo.InvariantCulture, stackalloc char[64], $"protection;dur={decisionTime.TotalMilliseconds:0.###}");
}
