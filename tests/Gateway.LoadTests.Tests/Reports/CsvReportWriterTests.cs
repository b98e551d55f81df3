using Gateway.LoadTests.Reports;

namespace Gateway.LoadTests.Tests.Reports;

public sealed class CsvReportWriterTests
{
    [Fact]
    public void Summary_HasOneRowPerTargetUnderTheHeader()
    {
        var report = ReportSamples.Report(
            [ReportSamples.Summary("bare-yarp", 5000, 10, 0.5, 2), ReportSamples.Summary("gateway-inprocess", 4000, 10, 0.8, 4)], "bare-yarp");

        var rows = Rows(CsvReportWriter.Summary(report));

        Assert.Equal(3, rows.Count);
        var header = rows[0];
        Assert.Equal("target", header[0]);
        var first = Row(header, rows[1]);
        Assert.Equal("bare-yarp", first["target"]);
        Assert.Equal("500", first["requests_per_s"]);
        Assert.Equal("0.5", first["p50_ms"]);
        Assert.Equal("2", first["p99_ms"]);
        Assert.Equal("4", first["p999_ms"]);
        // The load description has commas: it must stay one field.
        Assert.Equal("open model, 500 req/s planned, at most 256 in flight", first["load"]);
        Assert.Equal("0.8", Row(header, rows[2])["p50_ms"]);
    }

    [Fact]
    public void Comparison_GivesRatiosAndAddedLatencyAgainstTheBaseline()
    {
        var report = ReportSamples.Report(
            [ReportSamples.Summary("bare-yarp", 5000, 10, 0.5, 2), ReportSamples.Summary("gateway-inprocess", 4000, 10, 0.8, 5)], "bare-yarp");

        var rows = Rows(CsvReportWriter.Comparison(report)!);

        var gateway = Row(rows[0], rows[2]);
        Assert.Equal("gateway-inprocess", gateway["target"]);
        Assert.Equal("bare-yarp", gateway["baseline"]);
        Assert.Equal("0.8", gateway["throughput_ratio"]);
        Assert.Equal("0.3", gateway["added_p50_ms"]);
        Assert.Equal("3", gateway["added_p99_ms"]);
        Assert.Equal("2.5", gateway["p99_ratio"]);
        Assert.Equal("1", Row(rows[0], rows[1])["throughput_ratio"]);
    }

    [Fact]
    public void Comparison_WithoutBaseline_IsNotWritten()
    {
        var report = ReportSamples.Report([ReportSamples.Summary("127.0.0.1:8080", 100, 1, 1, 2)], baseline: null);

        Assert.Null(CsvReportWriter.Comparison(report));
    }

    [Fact]
    public void StatusesDecisionsAndTimeline_AreLongFormatRows()
    {
        var report = ReportSamples.Report([ReportSamples.Summary("direct", 100, 1, 1, 2)], null);

        var statuses = Rows(CsvReportWriter.Statuses(report));
        var decisions = Rows(CsvReportWriter.Decisions(report));
        var timeline = Rows(CsvReportWriter.Timeline(report));

        Assert.Equal(["target", "status", "count"], statuses[0]);
        Assert.Equal(["direct", "error", "2"], statuses[1]);
        Assert.Equal(["direct", "403", "10"], statuses[3]);
        Assert.Equal(["direct", "attack", "block", "10"], decisions[2]);
        Assert.Equal(
            ["target", "second", "requests", "errors", "unsent", "p50_ms", "p90_ms", "p99_ms", "max_ms", "decision_p99_ms", "fail_open",
             "late_features", "down_features", "late_content", "shed_content", "failed_content", "late_body", "error_pipeline", "store_state"],
            timeline[0]);
        Assert.Equal(["direct", "1", "50", "1", "0", "1", "1.5", "2", "6", "0", "0", "0", "0", "0", "0", "0", "0", "0", ""], timeline[2]);
    }

    private static Dictionary<string, string> Row(List<string> header, List<string> row)
    {
        Assert.Equal(header.Count, row.Count);
        return header.Zip(row).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>A small RFC 4180 reader, independent of the writer.</summary>
    private static List<List<string>> Rows(string csv)
    {
        Assert.EndsWith("\n", csv);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }
        return rows;
    }
}
