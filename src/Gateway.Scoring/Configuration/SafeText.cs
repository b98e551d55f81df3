using System.Text;

namespace Gateway.Scoring.Configuration;

/// <summary>
/// Makes untrusted text (a line of a downloaded file, a configured value) safe to put in an error
/// message: bounded in length, and with control and non-ASCII characters escaped so that a hostile
/// file cannot forge log lines or terminal escapes.
/// </summary>
internal static class SafeText
{
    public const int MaxShown = 60;

    public static string Sanitise(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxShown) + 16);
        var shown = Math.Min(text.Length, MaxShown);
        for (var i = 0; i < shown; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~' && c != '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(c <= 0xFF ? $"\\x{(int)c:X2}" : $"\\u{(int)c:X4}");
            }
        }
        AppendTruncation(builder, text.Length);
        return builder.ToString();
    }

    /// <summary>Bytes are shown as ASCII where printable, <c>\xNN</c> otherwise, so no decoding can fail.</summary>
    public static string Sanitise(ReadOnlySpan<byte> text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxShown) + 16);
        var shown = Math.Min(text.Length, MaxShown);
        for (var i = 0; i < shown; i++)
        {
            var b = text[i];
            if (b is >= (byte)' ' and <= (byte)'~' && b != (byte)'\\')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append($"\\x{b:X2}");
            }
        }
        AppendTruncation(builder, text.Length);
        return builder.ToString();
    }

    private static void AppendTruncation(StringBuilder builder, int length)
    {
        if (length > MaxShown)
        {
            builder.Append($"... ({length} in all)");
        }
    }
}
