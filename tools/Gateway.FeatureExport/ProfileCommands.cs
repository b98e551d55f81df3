using Gateway.Scoring.Configuration;
using Gateway.Scoring.Content;
using Gateway.Scoring.Profile;

namespace Gateway.FeatureExport;

/// <summary>Learning an application profile from normal traffic, and checking rows against one.</summary>
internal static class ProfileCommands
{
    public readonly record struct Learned(string Name, int Requests, int Paths, IReadOnlyCollection<string> Prefixes);

    public static Learned Learn(IReadOnlyList<ExportRow> rows, ExportOptions options)
    {
        var learner = new AppProfileLearner();
        foreach (var row in rows)
        {
            if (!row.IsAttack)
            {
                learner.Add(new RequestContent(row.Method, row.Target, row.Body, row.ContentType));
            }
        }
        var output = options.LearnProfilePath!;
        var name = options.ProfileName ?? Path.GetFileNameWithoutExtension(output);
        var profile = learner.Build(name, options.MinObservations);
        var sources = string.Join(", ", rows.Select(r => r.Source).Distinct(StringComparer.Ordinal));
        AppProfileFile.Write(profile, output, sources, learner.Requests);
        return new Learned(name, learner.Requests, profile.Paths.Count, profile.Prefixes);
    }

    /// <summary>Per row: the profile's risk (0 where it is silent) and the log-odds the gateway would take off
    /// the content model's probability (the default <see cref="AppProfileOptions.ConformingContentDiscount"/>
    /// where the profile vouches for the row, else 0).</summary>
    public readonly record struct Checked(float[] Risks, float[] ContentDiscounts);

    /// <returns>The verdicts, or null with the file's problems in <paramref name="errors"/>.</returns>
    public static Checked? Check(IReadOnlyList<ExportRow> rows, string profilePath, List<string> errors)
    {
        var configurationErrors = new ConfigurationErrors();
        var profile = AppProfileFile.Load(profilePath, configurationErrors, "--profile");
        if (profile is null)
        {
            errors.AddRange(configurationErrors.Errors);
            return null;
        }
        var discount = (float)new AppProfileOptions().ConformingContentDiscount;
        var risks = new float[rows.Count];
        var discounts = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var verdict = profile.Check(new RequestContent(row.Method, row.Target, row.Body, row.ContentType));
            risks[i] = verdict.Risk;
            discounts[i] = verdict.Vouched ? discount : 0;
        }
        return new Checked(risks, discounts);
    }
}
