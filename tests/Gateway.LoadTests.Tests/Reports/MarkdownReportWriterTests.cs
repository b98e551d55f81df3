using Gateway.LoadTests.Reports;

namespace Gateway.LoadTests.Tests.Reports;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Write_SideBySide_HasResultsComparisonStatusesAndDecisions()
    {
        var report = ReportSamples.Report(
            [ReportSamples.Summary("bare-yarp", 5000, 10, 0.5, 2), ReportSamples.Summary("gateway-inprocess", 4000, 10, 0.8, 5)], "bare-yarp");

        var markdown = MarkdownReportWriter.Write(report, "latency.png");

        Assert.StartsWith("# Side by side: mixed\n", markdown);
        Assert.Contains("| bare-yarp | 5,000 | 500 | 2 | 0 | 0.500 | 0.750 | 2.000 | 4.000 | 6.000 | 0.550 |", markdown);
        Assert.Contains("## Compared with bare-yarp", markdown);
        Assert.Contains("| gateway-inprocess | 0.80× | +0.300 | +3.000 | 2.50× |", markdown);
        Assert.Contains("| target | error | 200 | 403 |", markdown);
        Assert.Contains("| gateway-inprocess | attack | 10 | 0 (0%) | 0 (0%) | 10 (100%) | 0 (0%) |", markdown);
        Assert.Contains("![Latency over time](latency.png)", markdown);
        Assert.Contains("store redis", markdown);
        Assert.DoesNotContain("Warning", markdown);
    }

    [Fact]
    public void Write_DebugBuild_WarnsThatFiguresDoNotCount()
    {
        var report = ReportSamples.Report([ReportSamples.Summary("direct", 10, 1, 1, 1)], null, build: "Debug");

        var markdown = MarkdownReportWriter.Write(report);

        Assert.Contains("not a Release build", markdown);
        Assert.DoesNotContain("Compared with", markdown);
        Assert.DoesNotContain("latency.png", markdown);
    }

    [Fact]
    public void Write_EveryTableRowHasAsManyCellsAsItsHeader()
    {
        var report = ReportSamples.Report(
            [ReportSamples.Summary("bare-yarp", 5000, 10, 0.5, 2), ReportSamples.Summary("gateway-redis", 10, 10, 0.8, 5)], "bare-yarp");

        var lines = MarkdownReportWriter.Write(report).Split('\n');

        var columns = -1;
        foreach (var line in lines)
        {
            if (!line.StartsWith('|'))
            {
                columns = -1;
                continue;
            }
            var cells = line.Count(c => c == '|');
            if (columns < 0)
            {
                columns = cells;
            }
            Assert.Equal(columns, cells);
        }
    }
}
