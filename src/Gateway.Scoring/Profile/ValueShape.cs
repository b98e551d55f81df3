namespace Gateway.Scoring.Profile;

/// <summary>
/// A value's shape: every run of letters and digits becomes <c>a</c>, everything else stays
/// (<c>jo.smith@mail.example</c> → <c>a.a@a.a</c>, <c>2024-01-31</c> → <c>a-a-a</c>). Fields with a
/// few shapes (dates, ids, e-mail addresses, codes) show a payload as a shape they never had; which
/// characters a field holds is the job of <see cref="CharacterClasses"/>.
/// </summary>
internal static class ValueShape
{
    /// <summary>Longer shapes are cut here; a field whose shapes get that long is free text anyway.</summary>
    public const int MaxLength = 48;

    public static string Of(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(Write(value, buffer));
    }

    /// <summary>Writes the shape into <paramref name="buffer"/> (at least <see cref="MaxLength"/> long) without allocating.</summary>
    public static ReadOnlySpan<char> Write(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var length = 0;
        var previous = '\0';
        foreach (var c in value)
        {
            var symbol = char.IsLetterOrDigit(c) ? 'a' : c;
            if (symbol == 'a' && previous == 'a')
            {
                continue;
            }
            if (length == MaxLength)
            {
                break;
            }
            buffer[length++] = symbol;
            previous = symbol;
        }
        return buffer[..length];
    }
}
