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

    /// <returns>The profile's risk per row (0 where it is silent), or null with the file's problems in <paramref name="errors"/>.</returns>
    public static float[]? Check(IReadOnlyList<ExportRow> rows, string profilePath, List<string> errors)
    {
        var configurationErrors = new ConfigurationErrors();
        var profile = AppProfileFile.Load(profilePath, configurationErrors, "--profile");
        if (profile is null)
        {
            errors.AddRange(configurationErrors.Errors);
            return null;
        }
        var risks = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            risks[i] = profile.Check(new RequestContent(row.Method, row.Target, row.Body, row.ContentType)).Risk;
        }
        return risks;
    }
}
