using System.Text;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

/// <summary>
/// Second readings go through the real decoding (<see cref="ContentDecoding.Decode"/>), as sent by a client:
/// their flags land in <see cref="DecodeEvidence.HiddenFlags"/>.
/// </summary>
public sealed class HiddenReadingsTests
{
    public static TheoryData<string, int> Hidden() => new()
    {
        { ";\\w\\h\\o\\a\\m\\i", HandcraftedFeature.ShellChain },
        { "x;w'h'o'am'i", HandcraftedFeature.ShellChain },
        { "x|who\"\"ami", HandcraftedFeature.ShellChain },
        { ";$'\\x69\\x64'", HandcraftedFeature.ShellChain },
        { "%3Bw%5Cho%5Cam%5Ci", HandcraftedFeature.ShellChain },
        { "x;w$@hoami", HandcraftedFeature.ShellChain },
        { "x;c''at$IFS/etc/passwd", HandcraftedFeature.ShellChain },
        { ";i$()d", HandcraftedFeature.ShellChain },
        { "qqrj\\29\\28sn=*", HandcraftedFeature.LdapFilter },
        { "svc_backup%5C29%5C28uid%3D*", HandcraftedFeature.LdapFilter },
        { "x;wh``oami", HandcraftedFeature.ShellChain },
        { Base64("{\"rce\":\"_$$ND_FUNC$$_function(){require('child_process').exec('id')}()\"}"), HandcraftedFeature.SerializedObject },
        { Base64("c__builtin__\neval\n(V__import__('os').system('id')\ntR."), HandcraftedFeature.SerializedObject },
        { "gASVFgAAAAAAAABjcG9zaXgKc3lzdGVtCihWaWQKdFIu", HandcraftedFeature.SerializedObject },
        { Convert.ToBase64String([0xFF, 0x01, 0x32, 0x8A, 0x05, .. Encoding.ASCII.GetBytes("System.Diagnostics.Process"), 0x00, 0x02, 0x9C]), HandcraftedFeature.SerializedObject },
        { "secret=" + Base64("<script>alert(document.domain)</script>"), HandcraftedFeature.ScriptTag },
        { Base64("{\"username\":\"admin' or '1'='1\"}").TrimEnd('=').Replace('+', '-').Replace('/', '_'), HandcraftedFeature.SqlQuoteLogic },
    };

    [Theory]
    [MemberData(nameof(Hidden))]
    public void Decode_PayloadBehindAShellOrBase64_LeavesItsFlag(string sent, int feature)
    {
        var evidence = Decode(sent);
        Assert.True(Flagged(evidence, feature), $"{HandcraftedFeature.Names[feature]} not in the second reading of: {sent}");
    }

    /// <summary>Contractions, quoted words, paths and tokens: a second reading finds nothing in them.</summary>
    public static TheoryData<string> Ordinary() =>
    [
        "Thanks; I'd love it", "it's fine; don't worry", "rock'n'roll; cats", "he said \"hello\" twice", "C:\\Users\\me\\Documents",
"C:\\2023\\10\\report.pdf", "O'Brien & O'Neil", "price: $5 or $6", "mKwvZxjAc8UDDb9Kt3Cs4Gn2i0Xfgk3R", "2edbf8b0-9295-4f67-b96b-2580db2bcfc4",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "/wEPDwUKMTY3NzE5MjIyOGRkZmLxqd2nY1WCbMpbcvNdUOgsUm0=", Base64("Order #1234 shipped to Jane Doe, 221B Baker Street"), "/api/v1/users/ThisIsAVeryLongPathSegment/Profile",
    ];

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Decode_OrdinaryText_HasNoHiddenFlags(string sent)
    {
        Assert.Equal(0UL, Decode(sent).HiddenFlags);
    }

    [Fact]
    public void Decode_SecondReading_LeavesTheFieldAsSent()
    {
        var text = ";\\w\\h\\o\\a\\m\\i".ToCharArray();
        var evidence = default(DecodeEvidence);
        var decoded = ContentDecoding.Decode(text, plusIsSpace: false, ref evidence);
        Assert.Equal(";\\w\\h\\o\\a\\m\\i", decoded.ToString());
    }

    [Fact]
    public void Decode_ManyBase64Tokens_DecodesOnlyTheFirstFew()
    {
        var payload = Base64("_$$ND_FUNC$$_function(){}");
        var filler = string.Join(' ', Enumerable.Repeat(Base64("just ordinary words here"), HiddenReadings.MaxBase64Tokens));
        Assert.Equal(0UL, Decode(filler + " " + payload).HiddenFlags);
        Assert.NotEqual(0UL, Decode(payload + " " + filler).HiddenFlags);
    }

    public static TheoryData<string> Hostile() =>
    [
        new string('\\', 10_000), string.Concat(Enumerable.Repeat("a'", 10_000)), new string('A', 100_000),
        string.Concat(Enumerable.Repeat("$'", 5_000)), string.Concat(Enumerable.Repeat("$@", 5_000)), "$", "$'", "\\",
        string.Concat(Enumerable.Repeat("QUJD", 10_000)), string.Concat(Enumerable.Repeat("$IFS", 5_000)),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Decode_HostileText_DoesNotThrow(string sent)
    {
        var evidence = Decode(sent);
        Assert.Equal(0, evidence.MalformedPercent);
    }

    private static DecodeEvidence Decode(string sent)
    {
        var evidence = default(DecodeEvidence);
        ContentDecoding.Decode(sent.ToCharArray(), plusIsSpace: false, ref evidence);
        return evidence;
    }

    private static bool Flagged(in DecodeEvidence evidence, int feature) =>
        (evidence.HiddenFlags & (1UL << (feature - HiddenReadings.FirstFlag))) != 0;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
