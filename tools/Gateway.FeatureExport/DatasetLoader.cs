using Gateway.Scoring.Content.Datasets;

namespace Gateway.FeatureExport;

/// <summary>Reads every input file into rows; collects every problem instead of stopping at the first.</summary>
internal static class DatasetLoader
{
    public static List<ExportRow> Load(ExportOptions options, List<string> errors)
    {
        var rows = new List<ExportRow>();
        foreach (var file in options.CsicFiles)
        {
            var name = Path.GetFileName(file);
            bool isAttack;
            if (name.StartsWith("anomalous", StringComparison.OrdinalIgnoreCase))
            {
                isAttack = true;
            }
            else if (name.StartsWith("normal", StringComparison.OrdinalIgnoreCase))
            {
                isAttack = false;
            }
            else
            {
                errors.Add($"{file}: cannot tell the label from the name (expected normal* or anomalous*)");
                continue;
            }
            var result = CsicReader.ReadFile(file);
            errors.AddRange(result.Errors);
            foreach (var request in result.Requests)
            {
                rows.Add(new ExportRow(request.Source, request.Line, request.Method, request.Target, request.Uri,
                    request.ContentType, request.Body, isAttack));
            }
        }
        foreach (var file in options.JsonlFiles)
        {
            var result = JsonlRequestReader.ReadFile(file);
            errors.AddRange(result.Errors);
            foreach (var request in result.Requests)
            {
                rows.Add(new ExportRow(request.Source, request.Line, request.Method, request.Target, request.Target,
                    request.ContentType, request.Body, request.IsAttack));
            }
        }
        return rows;
    }
}
