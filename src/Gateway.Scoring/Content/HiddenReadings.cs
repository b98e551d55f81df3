using System.Buffers;
using System.Runtime.CompilerServices;

namespace Gateway.Scoring.Content;

/// <summary>
/// Second readings of a field: what a back end makes of it after one more interpreter. A shell drops
/// the quotes and backslashes inside a word (<c>w'h'o'am'i</c>, <c>\w\h\o\a\m\i</c>, <c>$'\x69\x64'</c>
/// are <c>whoami</c> and <c>id</c> to it), and an application decodes a Base64 value before it
/// deserializes or evaluates it (node-serialize, pickle, JSON in a cookie), and an LDAP filter parser
/// reads <c>\29</c> as <c>)</c>. The syntax and payload
/// flags found in a reading are kept in <see cref="DecodeEvidence.HiddenFlags"/>; the field itself is
/// counted as sent, so ordinary text loses nothing and gains only flags its reading really has.
/// </summary>
/// <remarks>Bounded: at most <see cref="MaxReadingChars"/> characters of a field are read again, and at most
/// <see cref="MaxBase64Tokens"/> Base64 tokens per field are decoded. No heap allocation.</remarks>
internal static class HiddenReadings
{
    public const int MaxReadingChars = 2048;
    public const int MaxBase64Tokens = 4;

    /// <summary>Shortest Base64 token worth decoding: 12 bytes, enough for <c>c__builtin__</c> or <c>_$$ND_FUNC$$_</c>.</summary>
    public const int MinBase64Chars = 16;

    /// <summary>Flags a reading may carry: every syntax-in-context and payload-structure feature.</summary>
    public const int FirstFlag = HandcraftedFeature.SqlQuoteLogic;

    /// <summary>
    /// Decodes the Base64 tokens of a field whose case is still as sent (before folding) and scans
    /// those that decode to text. Random tokens, hashes and binary data decode to bytes that are not
    /// text and are skipped.
    /// </summary>
    [SkipLocalsInit]
    public static void Base64(ReadOnlySpan<char> text, ref DecodeEvidence evidence)
    {
        if (text.Length < MinBase64Chars || !NextToken(ref text, out var token))
        {
            return;
        }
        Span<char> reading = stackalloc char[MaxReadingChars];
        var decodedTokens = 0;
        do
        {
            var length = Decode(token, reading, out var isText);
            if (length == 0)
            {
                continue;
            }
            decodedTokens++;
            if (isText)
            {
                var discarded = default(DecodeEvidence);
                length = PayloadDecoder.Fold(reading[..length], ref discarded);
                Scan(reading[..length], ref evidence);
            }
            else
            {
                // Binary: a serialized object. Only its class names and a pickle's header say what it is;
                // its bytes as "syntax" would be noise, and a benign ViewState is binary too.
                if (IsPickle(reading[..length]))
                {
                    evidence.HiddenFlags |= 1UL << (HandcraftedFeature.SerializedObject - FirstFlag);
                }
                length = PrintableRuns(reading[..length]);
                Scan(reading[..length], ref evidence, text: false);
            }
        }
        while (decodedTokens < MaxBase64Tokens && NextToken(ref text, out token));
    }

    /// <summary>The next run of Base64 characters long enough to try; encoded text always mixes cases, so a
    /// long lowercase word or a number is not tried.</summary>
    private static bool NextToken(ref ReadOnlySpan<char> text, out ReadOnlySpan<char> token)
    {
        while (true)
        {
            var start = text.IndexOfAny(Base64Chars);
            if (start < 0)
            {
                token = default;
                text = default;
                return false;
            }
            text = text[start..];
            var end = text.IndexOfAnyExcept(Base64Chars);
            token = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[end..];
            if (token.Length >= MinBase64Chars && token.ContainsAnyInRange('A', 'Z') && token.ContainsAnyInRange('a', 'z'))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Reads a folded field as a shell would: inside a word marked at least twice (quotes, backslashes,
    /// <c>$'...'</c>, <c>$@</c>, an empty <c>$()</c> or <c>``</c>), the marks go. One mark is left alone, because English has
    /// <c>I'd</c> and <c>it's</c>, and <c>; I'd</c> must not read as <c>; id</c>.
    /// <c>$IFS</c> becomes a space.
    /// </summary>
    [SkipLocalsInit]
    public static void Shell(ReadOnlySpan<char> text, ref DecodeEvidence evidence)
    {
        if (text.IndexOfAny(ShellMarks) < 0)
        {
            return;
        }
        var source = text[..Math.Min(text.Length, MaxReadingChars)];
        Span<char> reading = stackalloc char[source.Length];
        var length = 0;
        var changed = false;
        var i = 0;
        while (i < source.Length)
        {
            var ifs = IfsLength(source, i);
            if (ifs > 0)
            {
                reading[length++] = ' ';
                i += ifs;
                changed = true;
                continue;
            }
            var end = WordEnd(source, i, out var marks, out var wordChars);
            if (end == i)
            {
                reading[length++] = source[i++];
                continue;
            }
            var word = source[i..end];
            if (marks >= 2 && wordChars >= 2)
            {
                length += Unmarked(word, reading[length..]);
                changed = true;
            }
            else
            {
                word.CopyTo(reading[length..]);
                length += word.Length;
            }
            i = end;
        }
        if (changed)
        {
            Scan(reading[..length], ref evidence);
        }
    }

    /// <summary>
    /// Reads <c>\29</c>-style escapes as the characters they stand for, as an LDAP filter parser does
    /// (RFC 4515): <c>admin\29\28uid=*</c> is <c>admin)(uid=*</c> to it.
    /// </summary>
    [SkipLocalsInit]
    public static void HexEscapes(ReadOnlySpan<char> text, ref DecodeEvidence evidence)
    {
        var source = text[..Math.Min(text.Length, MaxReadingChars)];
        if (source.IndexOf('\\') < 0)
        {
            return;
        }
        Span<char> reading = stackalloc char[source.Length];
        var length = 0;
        var changed = false;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\\' && i + 2 < source.Length && PayloadDecoder.TryHex(source[i + 1], source[i + 2], out var value))
            {
                reading[length++] = (char)value;
                i += 2;
                changed = true;
                continue;
            }
            reading[length++] = source[i];
        }
        if (changed)
        {
            Scan(reading[..length], ref evidence);
        }
    }

    /// <summary>A run of word characters and the marks a shell removes from inside a word.</summary>
    private static int WordEnd(ReadOnlySpan<char> text, int start, out int marks, out int wordChars)
    {
        marks = 0;
        wordChars = 0;
        var j = start;
        while (j < text.Length)
        {
            var c = text[j];
            var next = j + 1 < text.Length ? text[j + 1] : '\0';
            if (IsWordChar(c))
            {
                wordChars++;
                j++;
            }
            else if (c is '\\' && IsWordChar(next))
            {
                marks++;
                j++;
            }
            else if (c is '\'' or '"' && (IsWordChar(next) || next == c || (j > start && IsWordChar(text[j - 1]))))
            {
                marks++;
                j++;
            }
            else if (c == '$' && next == '\'')
            {
                marks++;
                j++;
            }
            else if (c == '$' && next == '(' && j + 2 < text.Length && text[j + 2] == ')')
            {
                // i$()d: an empty command substitution, nothing to the shell.
                marks += 3;
                j += 3;
            }
            else if (c == '`' && next == '`')
            {
                marks += 2;
                j += 2;
            }
            else if (c == '$' && (next is '@' or '*' || char.IsAsciiDigit(next)))
            {
                marks += 2;
                j += 2;
            }
            else
            {
                break;
            }
        }
        return j;
    }

    private static int Unmarked(ReadOnlySpan<char> word, Span<char> destination)
    {
        var written = 0;
        for (var j = 0; j < word.Length; j++)
        {
            var c = word[j];
            var next = j + 1 < word.Length ? word[j + 1] : '\0';
            if (c == '$' && (next is '@' or '*' || char.IsAsciiDigit(next)))
            {
                j++;
                continue;
            }
            if (IsWordChar(c))
            {
                destination[written++] = c;
            }
        }
        return written;
    }

    /// <summary><c>$ifs</c>, <c>${ifs}</c> and <c>$ifs$9</c>: the shell's field separator, a space to it.</summary>
    private static int IfsLength(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (rest.StartsWith("${ifs}", StringComparison.Ordinal))
        {
            return 6;
        }
        if (!rest.StartsWith("$ifs", StringComparison.Ordinal) || (rest.Length > 4 && IsWordChar(rest[4]) && !char.IsAsciiDigit(rest[4])))
        {
            return 0;
        }
        return rest.Length > 5 && rest[4] == '$' && char.IsAsciiDigit(rest[5]) ? 6 : 4;
    }

    /// <returns>Decoded length (0 when too short to say anything); <paramref name="isText"/> when nearly every byte is printable.</returns>
    private static int Decode(ReadOnlySpan<char> token, Span<char> destination, out bool isText)
    {
        var written = 0;
        var printable = 0;
        var buffer = 0;
        var bits = 0;
        foreach (var c in token)
        {
            if (written == destination.Length)
            {
                break;
            }
            buffer = (buffer << 6) | Base64Value(c);
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                var b = (char)((buffer >> bits) & 0xFF);
                destination[written++] = b;
                if (b is >= ' ' and <= '~' or '\t' or '\n' or '\r')
                {
                    printable++;
                }
            }
        }
        // Text, not bytes: a few stray bytes are allowed for UTF-8 letters in otherwise ASCII text.
        isText = printable * 20 >= written * 19;
        return written >= 12 ? written : 0;
    }

    /// <summary>Pickle protocol 2–5 opens with PROTO (0x80) and the version: a Python object graph, which no form field holds.</summary>
    private static bool IsPickle(ReadOnlySpan<char> bytes) => bytes.Length > 2 && bytes[0] == '\x80' && bytes[1] is >= '\x02' and <= '\x05';

    /// <summary>
    /// Keeps runs of at least four printable bytes, lowercased, one per line, as <c>strings</c> does:
    /// the class and method names inside a binary serialization.
    /// </summary>
    private static int PrintableRuns(Span<char> bytes)
    {
        var written = 0;
        var runStart = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] is >= ' ' and <= '~')
            {
                continue;
            }
            if (i - runStart >= 4)
            {
                for (var j = runStart; j < i; j++)
                {
                    bytes[written++] = char.ToLowerInvariant(bytes[j]);
                }
                if (written < bytes.Length)
                {
                    bytes[written++] = '\n';
                }
            }
            runStart = i + 1;
        }
        return written;
    }

    /// <summary>Standard and URL-safe alphabets together; <c>=</c> padding ends a token.</summary>
    private static int Base64Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' or '-' => 62,
        '/' or '_' => 63,
        _ => -1,
    };

    private static void Scan(ReadOnlySpan<char> reading, ref DecodeEvidence evidence, bool text = true)
    {
        Span<int> counts = stackalloc int[HandcraftedFeature.Count];
        if (text)
        {
            SyntaxScanner.Scan(reading, counts);
        }
        PayloadMarkers.Scan(reading, counts);
        for (var feature = FirstFlag; feature < HandcraftedFeature.Count; feature++)
        {
            if (HandcraftedFeature.IsFlag(feature) && counts[feature] > 0)
            {
                evidence.HiddenFlags |= 1UL << (feature - FirstFlag);
            }
        }
    }

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    private static readonly SearchValues<char> ShellMarks = SearchValues.Create("\\'\"$`");

    private static bool IsWordChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';
}
