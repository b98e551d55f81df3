using Gateway.Scoring.Content.Datasets;

namespace Gateway.LoadTests.Traffic;

/// <summary>The CSIC 2010 requests the scenarios replay, read once per run with the gateway's own reader.</summary>
internal sealed class CsicCorpus(string directory)
{
    /// <summary>The normal test split: the model was trained on the training split, so replaying it would flatter it.</summary>
    public const string BenignFile = "normalTrafficTest.txt.gz";
    public const string AttackFile = "anomalousTrafficTest.txt.gz";

    private IReadOnlyList<ReplayItem>? _benign;
    private IReadOnlyList<ReplayItem>? _attacks;

    public string Directory { get; } = directory;

    public IReadOnlyList<ReplayItem> Benign => _benign ??= Load(BenignFile);

    public IReadOnlyList<ReplayItem> Attacks => _attacks ??= Load(AttackFile);

    /// <exception cref="LoadTestException">The file is missing or holds no request.</exception>
    private IReadOnlyList<ReplayItem> Load(string name)
    {
        var path = Path.Combine(Directory, name);
        if (!File.Exists(path))
        {
            throw new LoadTestException($"CSIC 2010 file not found: {path} (pass --data DIR, the folder holding {BenignFile} and {AttackFile})");
        }
        var result = CsicReader.ReadFile(path);
        if (result.Requests.Count == 0)
        {
            throw new LoadTestException($"{path}: no request could be read ({result.Errors.Count} problems; first: {FirstOrNone(result.Errors)})");
        }
        if (result.Errors.Count > 0)
        {
            Console.Error.WriteLine($"warning: {path}: {result.Errors.Count} malformed requests skipped; first: {result.Errors[0]}");
        }
        var items = new ReplayItem[result.Requests.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var request = result.Requests[i];
            items[i] = new ReplayItem(request.Method, WireTarget.From(request.Target),
                request.Body.Length == 0 ? null : request.Body, request.Body.Length == 0 ? null : request.ContentType);
        }
        return items;
    }

    private static string FirstOrNone(IReadOnlyList<string> errors) => errors.Count == 0 ? "none" : errors[0];
}
