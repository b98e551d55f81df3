namespace Gateway.FeatureExport;

/// <summary>One request to export, whatever dataset it came from.</summary>
/// <param name="Uri">The request URI as recorded (absolute for CSIC), for the record.</param>
internal sealed record ExportRow(
    string Source,
    int Line,
    string Method,
    string Target,
    string Uri,
    string? ContentType,
    byte[] Body,
    bool IsAttack);
