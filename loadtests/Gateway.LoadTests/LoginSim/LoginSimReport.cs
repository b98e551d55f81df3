using System.Globalization;
using System.Text;
using Gateway.LoadTests.Reports;

namespace Gateway.LoadTests.LoginSim;

/// <summary>report.md, summary.csv, reasons.csv and legitimate.csv of a login simulation.</summary>
internal static class LoginSimReport
{
    public const string Markdown = "report.md";
    public const string Summary = "summary.csv";
    public const string ReasonsFile = "reasons.csv";
    public const string Legitimate = "legitimate.csv";

    public static IReadOnlyList<string> WriteAll(string directory, LoginSimSettings settings, LoginSimResult result, RunEnvironment environment, string target)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Write(string name, string content)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, content, new UTF8Encoding(false));
            written.Add($"wrote {path}");
        }
        Write(Summary, SummaryCsv(result));
        Write(ReasonsFile, ReasonsCsv(result));
        Write(Legitimate, LegitimateCsv(result));
        Write(Markdown, MarkdownText(settings, result, environment, target));
        return written;
    }

    public static string SummaryCsv(LoginSimResult result)
    {
        var csv = new StringBuilder();
        Csv.AppendRow(csv, "actor", "attempts", "succeeded", "failed", "challenged", "blocked", "errors", "stopped_share",
            "attempts_after_20", "stopped_after_20_share");
        foreach (var t in result.Tallies)
        {
            Csv.AppendRow(csv, Name(t.Actor), Csv.Number(t.Attempts), Csv.Number(t.Succeeded), Csv.Number(t.Failed), Csv.Number(t.Challenged),
                Csv.Number(t.Blocked), Csv.Number(t.Errors), Ratio(t.StoppedShare), Csv.Number(t.AttemptsAfterGrace), Ratio(t.StoppedAfterGraceShare));
        }
        return csv.ToString();
    }

    public static string ReasonsCsv(LoginSimResult result)
    {
        var csv = new StringBuilder();
        Csv.AppendRow(csv, "actor", "strongest_reason", "stopped_attempts");
        foreach (var t in result.Tallies)
        {
            foreach (var (reason, count) in t.Reasons)
            {
                Csv.AppendRow(csv, Name(t.Actor), Csv.Field(reason), Csv.Number(count));
            }
        }
        return csv.ToString();
    }

    public static string LegitimateCsv(LoginSimResult result)
    {
        var csv = new StringBuilder();
        Csv.AppendRow(csv, "setting", "attempts", "challenged", "blocked");
        foreach (var (setting, (attempts, challenged, blocked)) in result[ActorKind.Legitimate].Settings)
        {
            Csv.AppendRow(csv, Csv.Field(setting), Csv.Number(attempts), Csv.Number(challenged), Csv.Number(blocked));
        }
        return csv.ToString();
    }

    public static string MarkdownText(LoginSimSettings settings, LoginSimResult result, RunEnvironment environment, string target)
    {
        var md = new StringBuilder();
        var legit = result[ActorKind.Legitimate];
        var stuffing = result[ActorKind.Stuffing];
        md.AppendLine("# Login attack simulation").AppendLine();
        md.AppendLine(Invariant($"Seed {settings.Seed}; {settings.Users} users; played in {result.Elapsed.TotalSeconds:0.0} s against {target}; {environment.StartedUtc}, {environment.Processors} CPUs, {environment.BuildConfiguration} build."));
        md.AppendLine().AppendLine("Stopped = challenged (429; attackers do not solve challenges) or blocked (403).").AppendLine();
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | measured | met |").AppendLine("|---|---|---|");
        foreach (var campaign in new[] { stuffing, result[ActorKind.ResidentialStuffing] })
        {
            md.AppendLine(Invariant($"| {Name(campaign.Actor)}: attempts after the first 20 stopped ≥ 99% | {Percent(campaign.StoppedAfterGraceShare)} ({campaign.StoppedAfterGrace} of {campaign.AttemptsAfterGrace}) | {YesNo(campaign.StoppedAfterGraceShare >= LoginSimResult.StuffingTarget)} |"));
        }
        md.AppendLine(Invariant($"| legitimate logins challenged ≤ 0.5% | {Percent(legit.ChallengedShare)} ({legit.Challenged} of {legit.Attempts}) | {YesNo(legit.ChallengedShare <= LoginSimResult.LegitimateChallengeLimit)} |"));
        md.AppendLine(Invariant($"| legitimate logins blocked: none | {legit.Blocked} | {YesNo(legit.Blocked == 0)} |"));
        if (result.Errors > 0)
        {
            md.AppendLine().AppendLine(Invariant($"**{result.Errors} attempts ended in errors (not decisions); the figures are not valid evidence.**"));
        }
        md.AppendLine().AppendLine("## By actor").AppendLine();
        md.AppendLine("| actor | attempts | stopped | challenged | blocked | after first 20: stopped | forwarded and accepted |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var t in result.Tallies)
        {
            md.AppendLine(Invariant($"| {Name(t.Actor)} | {t.Attempts} | {Percent(t.StoppedShare)} | {t.Challenged} | {t.Blocked} | {(t.Actor is ActorKind.Legitimate or ActorKind.History ? "" : Percent(t.StoppedAfterGraceShare))} | {t.Succeeded} |"));
        }
        md.AppendLine().AppendLine("## Legitimate logins by setting").AppendLine();
        md.AppendLine("| setting | attempts | challenged | blocked |").AppendLine("|---|---|---|---|");
        foreach (var (setting, (attempts, challenged, blocked)) in legit.Settings)
        {
            md.AppendLine(Invariant($"| {setting} | {attempts} | {challenged} | {blocked} |"));
        }
        md.AppendLine().AppendLine("## Device cookies").AppendLine();
        md.AppendLine("Users keep the gateway's remembered-device cookie per device; some residential-proxy stuffing attempts replay a cookie stolen from a user's device.").AppendLine();
        md.AppendLine("| actor | attempts with a device cookie | of those stopped | attempts without | of those stopped |").AppendLine("|---|---|---|---|---|");
        foreach (var t in result.Tallies)
        {
            if (t.WithDeviceCookie > 0)
            {
                md.AppendLine(Invariant($"| {Name(t.Actor)} | {t.WithDeviceCookie} | {t.StoppedWithDeviceCookie} | {t.Attempts - t.WithDeviceCookie} | {t.Stopped - t.StoppedWithDeviceCookie} |"));
            }
        }
        md.AppendLine().AppendLine("## Why attempts were stopped (strongest reason)").AppendLine();
        md.AppendLine("| actor | reason | attempts |").AppendLine("|---|---|---|");
        foreach (var t in result.Tallies)
        {
            foreach (var (reason, count) in t.Reasons.Take(6))
            {
                md.AppendLine(Invariant($"| {Name(t.Actor)} | {reason} | {count} |"));
            }
        }
        md.AppendLine().AppendLine(Invariant($"Time is compressed: the simulated span ({settings.SimulatedSpan.TotalHours:0.#} h of site time) is played in the run's wall-clock time. The per-entity windows (10 min and 1 h half-lives) are real time, so all evidence of a run stays in them. That is harder on legitimate users (their typos never decay during the run) and easier on detection than real time would be. The site-wide surge windows of the in-process gateway are scaled to the span, so they see the traffic they would in real time. \"history\" is each user's earlier sign-in from their usual network, not counted in the targets."));
        return md.ToString();
    }

    public static string Name(ActorKind actor) => actor switch
    {
        ActorKind.Legitimate => "legitimate",
        ActorKind.Stuffing => "stuffing (hosting proxies)",
        ActorKind.ResidentialStuffing => "stuffing (residential proxies)",
        ActorKind.Spraying => "spraying",
        ActorKind.History => "history (legitimate, earlier sign-ins)",
        _ => "brute force",
    };

    private static string Ratio(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0#", CultureInfo.InvariantCulture) + "%";

    private static string YesNo(bool met) => met ? "yes" : "**no**";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
