using Gateway.Scoring.Configuration;
using Gateway.Scoring.Reputation;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Tests.Reputation;

public sealed class ReputationLogTests : IDisposable
{
    private readonly TempListFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Loaded_WritesOneLinePerListAndATotal()
    {
        var path = _folder.Write("l.txt", "45.0.0.1\t5\n45.0.0.2\t1\n10.0.0.0/8\n");
        var database = ReputationDatabase.Load(
            new ReputationOptions { Lists = [new() { Name = "l", Path = path }] }, new AssetPaths(_folder.Root), new ConfigurationErrors());
        var logger = new ListLogger();

        ReputationLog.Loaded(logger, database);

        Assert.Equal(
            [
                $"Reputation list l: 2 of 3 entries listed (1 below MinCount, 0 CIDRs normalised, 1 touching exempt ranges) from {path}",
                "Reputation: 1 lists merged into 1 address intervals",
            ],
            logger.Lines);
    }

    [Fact]
    public void Loaded_DisabledDatabase_WarnsThatTheSignalIsOff()
    {
        var logger = new ListLogger();
        ReputationLog.Loaded(logger, ReputationDatabase.Disabled);
        Assert.Equal(["Warning: Reputation signal is off: its lists could not be loaded (see the configuration warnings)"], logger.Lines);
    }

    /// <summary>Collects formatted lines; warnings and worse are prefixed with their level.</summary>
    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel >= LogLevel.Warning ? $"{logLevel}: " : "") + formatter(state, exception));
    }
}
