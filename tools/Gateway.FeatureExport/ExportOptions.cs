namespace Gateway.FeatureExport;

/// <summary>Command line: <c>--out DIR [--csic FILE]... [--jsonl FILE]... [--measure-rounds N] [--score MODEL] [--skip-matrix]</c>.</summary>
internal sealed class ExportOptions
{
    public const string Usage =
        """
        usage: Gateway.FeatureExport --out DIR [--csic FILE]... [--jsonl FILE]... [--measure-rounds N]
                             [--score MODEL] [--skip-matrix] [--profile FILE]
               Gateway.FeatureExport --learn-profile OUT.json --profile-name NAME [--min-observations N]
                             [--csic FILE]... [--jsonl FILE]...

          --csic FILE          CSIC 2010 file (.txt or .txt.gz); label from the name:
                               anomalous* = attack, normal* = normal
          --jsonl FILE         one {"method","path","query","headers":{},"body","label"} per line
          --out DIR            writes features.npy, labels.npy, groups.npy, meta.jsonl, summary.json
          --measure-rounds N   passes over all rows to time the extractor (default 3, 0 = skip)
          --score MODEL        also writes scores.npy (float32 per row): MODEL's probability, computed
                               through the gateway's own scorer and ONNX Runtime
          --profile FILE       also writes profile_risk.npy (float32 per row): the application
                               profile's verdict on each row (0 when silent), and
                               profile_content_discount.npy (float32 per row): the log-odds the
                               gateway takes off the content probability where the profile
                               vouches for the row (0 elsewhere)
          --learn-profile OUT  learns an application profile from the normal rows of the inputs
                               and writes it to OUT (nothing else is written)
          --profile-name NAME  the learned profile's name (default: OUT's file name)
          --min-observations N observations a path or field needs before its rules apply (default 20)
          --skip-matrix        do not write features.npy (about 1.4 GB for every dataset); the
                               other files are still written
        """;

    public string OutputDirectory { get; private set; } = string.Empty;
    public List<string> CsicFiles { get; } = [];
    public List<string> JsonlFiles { get; } = [];
    public int MeasureRounds { get; private set; } = 3;
    public string? ModelPath { get; private set; }
    public bool SkipMatrix { get; private set; }
    public string? ProfilePath { get; private set; }
    public string? LearnProfilePath { get; private set; }
    public string? ProfileName { get; private set; }
    public int MinObservations { get; private set; } = 20;

    /// <returns>Options, or null with every problem in <paramref name="errors"/>.</returns>
    public static ExportOptions? Parse(string[] args, List<string> errors)
    {
        var options = new ExportOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--skip-matrix")
            {
                options.SkipMatrix = true;
                continue;
            }
            if (i + 1 >= args.Length)
            {
                errors.Add($"{name}: missing value");
                break;
            }
            var value = args[++i];
            switch (name)
            {
                case "--out":
                    options.OutputDirectory = value;
                    break;
                case "--csic":
                    options.CsicFiles.Add(value);
                    break;
                case "--jsonl":
                    options.JsonlFiles.Add(value);
                    break;
                case "--profile":
                    options.ProfilePath = value;
                    break;
                case "--learn-profile":
                    options.LearnProfilePath = value;
                    break;
                case "--profile-name":
                    options.ProfileName = value;
                    break;
                case "--min-observations" when int.TryParse(value, out var minimum) && minimum >= 1:
                    options.MinObservations = minimum;
                    break;
                case "--score":
                    options.ModelPath = value;
                    break;
                case "--measure-rounds" when int.TryParse(value, out var rounds) && rounds >= 0:
                    options.MeasureRounds = rounds;
                    break;
                default:
                    errors.Add($"{name} {value}: unknown option or bad value");
                    break;
            }
        }
        if (options.OutputDirectory.Length == 0 && options.LearnProfilePath is null)
        {
            errors.Add("--out (or --learn-profile) is required");
        }
        if (options.CsicFiles.Count + options.JsonlFiles.Count == 0)
        {
            errors.Add("give at least one --csic or --jsonl file");
        }
        if (options.ProfilePath is not null && !File.Exists(options.ProfilePath))
        {
            errors.Add($"{options.ProfilePath}: profile file not found");
        }
        if (options.ModelPath is not null && !File.Exists(options.ModelPath))
        {
            errors.Add($"{options.ModelPath}: model file not found");
        }
        foreach (var file in options.CsicFiles.Concat(options.JsonlFiles))
        {
            if (!File.Exists(file))
            {
                errors.Add($"{file}: file not found");
            }
        }
        return errors.Count == 0 ? options : null;
    }
}
