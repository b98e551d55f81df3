using System.Text;

namespace Gateway.LoadTests.Traffic;

/// <summary>
/// Makes a recorded request target sendable unchanged in meaning: every character outside printable
/// ASCII, and <c>#</c> (which a client would otherwise treat as the start of a fragment and not send),
/// is percent-encoded as its Latin-1 byte, which is how the CSIC reader maps the recorded bytes.
/// Everything else, including <c>../</c> and quotes, stays as recorded.
/// </summary>
internal static class WireTarget
{
    public static string From(string recorded)
    {
        var needsEscaping = false;
        foreach (var c in recorded)
        {
            if (MustEscape(c))
            {
                needsEscaping = true;
                break;
            }
        }
        var target = recorded;
        if (needsEscaping)
        {
            var builder = new StringBuilder(recorded.Length + 16);
            foreach (var c in recorded)
            {
                if (MustEscape(c))
                {
                    builder.Append('%').Append(((int)(c & 0xFF)).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }
            target = builder.ToString();
        }
        return target.StartsWith('/') ? target : "/" + target;
    }

    private static bool MustEscape(char c) => c <= ' ' || c >= '\u007F' || c == '#';
}
