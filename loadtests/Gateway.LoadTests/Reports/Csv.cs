using System.Globalization;
using System.Text;

namespace Gateway.LoadTests.Reports;

/// <summary>RFC 4180 CSV: comma separated, fields with comma, quote or line break quoted, quotes doubled,
/// numbers in the invariant culture, CRLF-free (LF) lines.</summary>
internal static class Csv
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static void AppendRow(StringBuilder builder, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }
            builder.Append(fields[i]);
        }
        builder.Append('\n');
    }
}
