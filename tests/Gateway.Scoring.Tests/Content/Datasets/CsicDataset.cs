using Gateway.Scoring.Content.Datasets;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Content.Datasets;

/// <summary>The three CSIC 2010 files beside the repository, read once for all tests that need them.</summary>
public sealed class CsicDataset
{
    public const string NormalTraining = "normalTrafficTraining.txt.gz";
    public const string NormalTest = "normalTrafficTest.txt.gz";
    public const string Anomalous = "anomalousTrafficTest.txt.gz";

    private readonly Dictionary<string, DatasetReadResult<CsicRequest>> _files = [];

    public CsicDataset()
    {
        foreach (var name in new[] { NormalTraining, NormalTest, Anomalous })
        {
            var path = Path.Combine(RepoPaths.SharedData, "csic2010", name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"CSIC 2010 data is expected beside the repository at {path} (see its README).", path);
            }
            _files[name] = CsicReader.ReadFile(path);
        }
    }

    internal DatasetReadResult<CsicRequest> this[string name] => _files[name];
}
