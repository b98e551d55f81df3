namespace Gateway.Scoring.Content;

/// <summary>The one decoding every name and value goes through: percent-decoding rounds (with
/// <c>+</c> as a space where the format says so), script escapes (<c>\u003c</c>, <c>\x3c</c>), then
/// UTF-8 regrouping and folding. On the way, the field's second readings (Base64 while its case is
/// still as sent, the shell's after folding) leave their flags in the evidence.</summary>
internal static class ContentDecoding
{
    public static Span<char> Decode(Span<char> text, bool plusIsSpace, scoped ref DecodeEvidence evidence)
    {
        var length = PayloadDecoder.PercentDecode(text, plusIsSpace, ref evidence);
        length = PayloadDecoder.ScriptUnescape(text[..length], ref evidence);
        HiddenReadings.Base64(text[..length], ref evidence);
        length = PayloadDecoder.Fold(text[..length], ref evidence);
        HiddenReadings.Shell(text[..length], ref evidence);
        HiddenReadings.HexEscapes(text[..length], ref evidence);
        return text[..length];
    }
}
