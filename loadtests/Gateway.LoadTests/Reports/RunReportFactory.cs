using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Reports;

internal static class RunReportFactory
{
    public static RunReport Create(string title, LoadTestOptions options, Scenario scenario, RunEnvironment environment,
        IReadOnlyList<RunSummary> targets, string? baseline, IReadOnlyList<string> notes) => new(
        title,
        scenario.Name,
        scenario.Description,
        scenario.DescribePhases(),
        options.Settings.Describe(),
        options.Settings.WarmUp.TotalSeconds,
        options.Settings.Duration.TotalSeconds,
        options.Settings.MaxRequests,
        options.ScenarioOptions.Clients,
        options.ScenarioOptions.Seed,
        environment,
        targets,
        baseline,
        notes);

    /// <summary>Writes the files, then prints the tables and where everything went.</summary>
    public static void WriteAndPrint(RunReport report, string directory, string? python)
    {
        var lines = ReportFiles.WriteAll(directory, report, python);
        Console.WriteLine();
        Console.WriteLine(MarkdownReportWriter.Tables(report));
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }
}
