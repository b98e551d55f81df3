namespace Gateway.Scoring.Profile;

/// <summary>
/// The set of character classes a field's values used: one bit for letters (any script), one for
/// digits, one for whitespace, one for any other non-ASCII character, and one bit per ASCII
/// punctuation character, because punctuation is where injections live (a quote in a field that
/// never saw one says more than a new letter).
/// </summary>
internal readonly record struct CharacterClasses(ulong Bits)
{
    private const int Letter = 0, Digit = 1, Space = 2, OtherNonAscii = 3, Control = 4, FirstPunctuation = 5;

    /// <summary>The 32 ASCII punctuation classes.</summary>
    public static CharacterClasses Punctuation { get; } = new(((1UL << 32) - 1) << FirstPunctuation);

    /// <summary>ASCII digits and nothing else: a number.</summary>
    public static CharacterClasses Digits { get; } = new(1UL << Digit);

    public static CharacterClasses Of(ReadOnlySpan<char> value)
    {
        ulong bits = 0;
        foreach (var c in value)
        {
            bits |= 1UL << Slot(c);
        }
        return new CharacterClasses(bits);
    }

    /// <summary>The classes that occur at least twice in <paramref name="value"/>.</summary>
    public static CharacterClasses RepeatedIn(ReadOnlySpan<char> value)
    {
        ulong seen = 0, repeated = 0;
        foreach (var c in value)
        {
            var bit = 1UL << Slot(c);
            repeated |= seen & bit;
            seen |= bit;
        }
        return new CharacterClasses(repeated);
    }

    public CharacterClasses Union(CharacterClasses other) => new(Bits | other.Bits);

    public CharacterClasses Intersect(CharacterClasses other) => new(Bits & other.Bits);

    public bool IsEmpty => Bits == 0;

    /// <summary>Classes in this set that <paramref name="learned"/> never saw.</summary>
    public bool HasAnyOutside(CharacterClasses learned) => (Bits & ~learned.Bits) != 0;

    private static int Slot(char c)
    {
        if (char.IsLetter(c))
        {
            return Letter;
        }
        if (char.IsAsciiDigit(c))
        {
            return Digit;
        }
        if (c is ' ' or '\t')
        {
            return Space;
        }
        if (c < 0x20 || c == 0x7f)
        {
            return Control;
        }
        if (c > 0x7f)
        {
            return char.IsWhiteSpace(c) ? Space : OtherNonAscii;
        }
        // The 32 ASCII punctuation characters map one to one onto bits 5..36.
        return FirstPunctuation + c switch
        {
            <= '/' => c - '!',          // ! " # $ % & ' ( ) * + , - . /  -> 0..14
            <= '@' => 15 + (c - ':'),   // : ; < = > ? @                  -> 15..21
            <= '`' => 22 + (c - '['),   // [ \ ] ^ _ `                    -> 22..27
            _ => 28 + (c - '{'),        // { | } ~                        -> 28..31
        };
    }
}
