using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Scoring.Content;

namespace Gateway.FeatureExport;

/// <summary>
/// Writes the training matrix: <c>features.npy</c> (float32 [rows, F]), <c>labels.npy</c> (uint8,
/// 1 = attack), <c>groups.npy</c> (int64 group id, see <see cref="GroupKey"/>) and <c>meta.jsonl</c>
/// (one object per row: where it came from and the raw request fields the extractor saw).
/// With <c>writeMatrix</c> false the features are still computed (the groups need them) but not kept.
/// </summary>
internal static class MatrixExporter
{
    // Meta rows are read by people too: keep '&', '+' and quotes readable instead of \uXXXX escapes.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Export(IReadOnlyList<ExportRow> rows, IContentFeatureExtractor extractor, string directory, bool writeMatrix = true)
    {
        Directory.CreateDirectory(directory);
        var featureCount = extractor.FeatureCount;
        var features = new float[featureCount];
        var labels = new byte[rows.Count];
        var groups = new long[rows.Count];

        var matrixPath = Path.Combine(directory, "features.npy");
        if (!writeMatrix)
        {
            // A stale matrix beside fresh labels would be read as if it belonged to them.
            File.Delete(matrixPath);
        }
        using (var matrix = writeMatrix ? File.Create(matrixPath) : Stream.Null)
        using (var meta = File.Create(Path.Combine(directory, "meta.jsonl")))
        using (var json = new Utf8JsonWriter(meta))
        {
            NpyWriter.WriteHeader(matrix, "<f4", rows.Count, featureCount);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                extractor.Extract(new RequestContent(row.Method, row.Target, row.Body, row.ContentType), features);
                matrix.Write(MemoryMarshal.AsBytes(features.AsSpan()));
                labels[i] = row.IsAttack ? (byte)1 : (byte)0;
                groups[i] = GroupKey.Id(features);
                WriteMeta(json, i, row, groups[i]);
                json.Flush();
                meta.WriteByte((byte)'\n');
                json.Reset();
            }
        }
        WriteVector(Path.Combine(directory, "labels.npy"), "|u1", labels);
        WriteVector(Path.Combine(directory, "groups.npy"), "<i8", groups);
    }

    private static void WriteMeta(Utf8JsonWriter json, int index, ExportRow row, long group)
    {
        json.WriteStartObject();
        json.WriteNumber("row", index);
        json.WriteString("source", row.Source);
        json.WriteNumber("line", row.Line);
        json.WriteNumber("label", row.IsAttack ? 1 : 0);
        json.WriteString("group", group.ToString("x16"));
        json.WriteString("method", row.Method);
        json.WriteString("target", row.Target);
        json.WriteString("uri", row.Uri);
        if (row.ContentType is null)
        {
            json.WriteNull("content_type");
        }
        else
        {
            json.WriteString("content_type", row.ContentType);
        }
        // Bytes that are not UTF-8 are written one char per byte and flagged, so nothing is lost.
        string body;
        var latin1 = false;
        try
        {
            body = StrictUtf8.GetString(row.Body);
        }
        catch (DecoderFallbackException)
        {
            body = Encoding.Latin1.GetString(row.Body);
            latin1 = true;
        }
        json.WriteString("body", body);
        if (latin1)
        {
            json.WriteBoolean("body_latin1", true);
        }
        json.WriteEndObject();
    }

    public static void WriteVector<T>(string path, string descr, T[] values) where T : unmanaged
    {
        using var file = File.Create(path);
        NpyWriter.WriteHeader(file, descr, values.Length);
        file.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
