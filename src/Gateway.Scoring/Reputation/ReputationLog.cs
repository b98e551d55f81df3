using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Reputation;

/// <summary>Startup log lines for the reputation signal, for the host to call after loading.</summary>
internal static partial class ReputationLog
{
    public static void Loaded(ILogger logger, ReputationDatabase database)
    {
        if (!database.IsLoaded)
        {
            NotLoaded(logger);
            return;
        }
        foreach (var list in database.ListStats)
        {
            ListLoaded(logger, list.Name, list.Listed, list.Entries, list.BelowMinCount, list.HostBitsNormalised, list.TouchingExemptRanges, list.Path);
        }
        DatabaseBuilt(logger, database.Lists.Count, database.IntervalCount);
    }

    [LoggerMessage(EventId = 1, EventName = "ReputationListLoaded", Level = LogLevel.Information,
        Message = "Reputation list {List}: {Listed} of {Entries} entries listed ({BelowMinCount} below MinCount, {HostBitsNormalised} CIDRs normalised, {TouchingExemptRanges} touching exempt ranges) from {Path}")]
    private static partial void ListLoaded(
        ILogger logger, string list, int listed, int entries, int belowMinCount, int hostBitsNormalised, int touchingExemptRanges, string path);

    [LoggerMessage(EventId = 2, EventName = "ReputationDatabaseBuilt", Level = LogLevel.Information,
        Message = "Reputation: {Lists} lists merged into {Intervals} address intervals")]
    private static partial void DatabaseBuilt(ILogger logger, int lists, int intervals);

    [LoggerMessage(EventId = 3, EventName = "ReputationNotLoaded", Level = LogLevel.Warning,
        Message = "Reputation signal is off: its lists could not be loaded (see the configuration warnings)")]
    private static partial void NotLoaded(ILogger logger);
}
