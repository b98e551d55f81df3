namespace Gateway.Scoring.Content;

/// <summary>Traces that decoding left: evasion tricks are themselves a signal.</summary>
internal struct DecodeEvidence
{
    /// <summary>Most percent-decoding passes that changed any one field (0 = nothing was encoded).</summary>
    public int Rounds;
    /// <summary>A <c>%uXXXX</c>, <c>\uXXXX</c> or <c>\xHH</c> escape was undone.</summary>
    public bool PercentU;
    public bool OverlongUtf8;
    public bool Fullwidth;
    /// <summary><c>%</c> not followed by two hex digits (or <c>u</c> and four) in the text as sent.</summary>
    public int MalformedPercent;
    public bool Truncated;
    /// <summary>The URL or form body as sent escapes a character that never needs it (<see cref="PayloadDecoder.EscapesUnreserved"/>).</summary>
    public bool EscapedUnreserved;
    /// <summary>
    /// Flags found in a field's second reading (<see cref="HiddenReadings"/>), bit <c>f - FirstFlag</c> for
    /// <see cref="HandcraftedFeature"/> f: a shell's or a Base64 decoder's view of the text as sent.
    /// </summary>
    public ulong HiddenFlags;
}
