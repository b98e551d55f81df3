namespace Gateway.Scoring.Content;

/// <summary>
/// Structure of the arguments as sent, measured before decoding so that an encoded <c>%26</c>
/// inside a value is not mistaken for a separator.
/// </summary>
internal struct ArgumentShape
{
    public int Count;
    public int MaxValueLength;

    /// <summary>Adds the <c>name=value</c> pairs of an <c>&amp;</c>-separated string.</summary>
    public void Measure(ReadOnlySpan<char> raw)
    {
        while (!raw.IsEmpty)
        {
            var end = raw.IndexOf('&');
            var pair = end < 0 ? raw : raw[..end];
            if (!pair.IsEmpty)
            {
                Count++;
                var equals = pair.IndexOf('=');
                var valueLength = equals < 0 ? pair.Length : pair.Length - equals - 1;
                MaxValueLength = Math.Max(MaxValueLength, valueLength);
            }
            raw = end < 0 ? default : raw[(end + 1)..];
        }
    }
}
