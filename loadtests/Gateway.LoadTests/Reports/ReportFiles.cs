using System.Text;

namespace Gateway.LoadTests.Reports;

/// <summary>Writes every report file of a run into one folder and says what it wrote.</summary>
internal static class ReportFiles
{
    public const string Markdown = "report.md";
    public const string Summary = "summary.csv";
    public const string Statuses = "status.csv";
    public const string Decisions = "decisions.csv";
    public const string Timeline = "timeline.csv";
    public const string Comparison = "comparison.csv";
    public const string Plot = "latency.png";

    /// <param name="python">Interpreter for the plot; null skips the picture.</param>
    /// <returns>One line per file or skipped file.</returns>
    public static IReadOnlyList<string> WriteAll(string directory, RunReport report, string? python)
    {
        Directory.CreateDirectory(directory);
        var lines = new List<string>();
        void Write(string name, string content)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            lines.Add($"wrote {path}");
        }

        Write(Summary, CsvReportWriter.Summary(report));
        Write(Statuses, CsvReportWriter.Statuses(report));
        Write(Decisions, CsvReportWriter.Decisions(report));
        Write(Timeline, CsvReportWriter.Timeline(report));
        if (CsvReportWriter.Comparison(report) is { } comparison)
        {
            Write(Comparison, comparison);
        }
        var plot = Path.Combine(directory, Plot);
        File.Delete(plot);
        var plotted = python is null
            ? $"skipped {Plot}: --no-plot"
            : PlotRenderer.Render(python, Path.Combine(directory, Timeline), plot, $"{report.Title} ({report.Load})");
        Write(Markdown, MarkdownReportWriter.Write(report, File.Exists(plot) ? Plot : null));
        lines.Add(plotted);
        return lines;
    }
}
