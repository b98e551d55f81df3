using Gateway.Scoring.Addressing;
using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Reputation;

internal static class ReputationDatabaseLoader
{
    /// <summary>
    /// Validates the options, reads every list and builds the lookup, reporting all problems into
    /// <paramref name="errors"/> under keys below <paramref name="section"/> (never throws for bad
    /// input). Invalid settings are errors; missing or malformed files are errors too, or warnings
    /// when <see cref="ReputationOptions.Optional"/>. After any problem the result is
    /// <see cref="ReputationDatabase.Disabled"/>: every file is still read so that all problems are reported.
    /// </summary>
    public static ReputationDatabase Load(ReputationOptions options, AssetPaths paths, ConfigurationErrors errors, string section)
    {
        var valid = ReputationOptionsValidator.Validate(options, errors, section);
        var errorsBefore = errors.Errors.Count;
        var exempt = ConfiguredRanges.Parse(options.ExemptRanges ?? [], $"{section}:ExemptRanges", errors);
        if (!valid || errors.Errors.Count != errorsBefore)
        {
            return ReputationDatabase.Disabled;
        }
        if (options.ExemptSpecialPurposeRanges)
        {
            exempt.AddRange(ConfiguredRanges.Parse(SpecialPurposeRanges.Cidrs, $"{section}:ExemptSpecialPurposeRanges", errors));
        }
        var exemptSet = IpRangeSet.Create(exempt);

        var configured = options.Lists ?? [];
        var reporter = new ProblemReporter(errors, options.Optional);
        var builder = new ReputationIntervalsBuilder();
        var lists = new List<ReputationList>(configured.Count);
        var stats = new List<ReputationListStats>(configured.Count);
        var failed = false;
        var listed = new List<IpRange>();
        for (var i = 0; i < configured.Count; i++)
        {
            var list = configured[i];
            listed.Clear();
            var key = $"{section}:Lists:{i}:Path";
            var path = paths.Resolve(list.Path);
            if (!File.Exists(path))
            {
                reporter.Report(key, path == list.Path
                    ? $"list file not found: {path}"
                    : $"list file '{list.Path}' not found (looked for {path}).");
                failed = true;
                continue;
            }
            var listStats = ListFileReader.Read(path, list, key, reporter, listed);
            if (listStats is null)
            {
                failed = true;
                continue;
            }
            var touchingExempt = 0;
            foreach (var range in listed)
            {
                builder.Add(range, i);
                touchingExempt += exemptSet.Overlaps(range) ? 1 : 0;
            }
            lists.Add(new ReputationList(list.Name, list.Category, list.Weight));
            stats.Add(listStats with { TouchingExemptRanges = touchingExempt });
        }
        return failed
            ? ReputationDatabase.Disabled
            : new ReputationDatabase(lists, stats, builder.Build(exemptSet), isLoaded: true);
    }
}
