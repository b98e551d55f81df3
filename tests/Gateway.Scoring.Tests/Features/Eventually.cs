using System.Diagnostics;

namespace Gateway.Scoring.Tests.Features;

/// <summary>Polls a condition with a deadline, for outcomes that arrive on other threads or sockets.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = within ?? TimeSpan.FromSeconds(15);
        while (true)
        {
            if (await condition())
            {
                return true;
            }
            if (deadline.Elapsed > limit)
            {
                return false;
            }
            await Task.Delay(25);
        }
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? within = null) =>
        TrueAsync(() => Task.FromResult(condition()), within);
}
