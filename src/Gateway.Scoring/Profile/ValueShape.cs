namespace Gateway.Scoring.Profile;

/// <summary>
/// A value's shape: every run of letters and digits becomes <c>a</c>, everything else stays
/// (<c>jo.smith@mail.example</c> → <c>a.a@a.a</c>, <c>2024-01-31</c> → <c>a-a-a</c>). Fields with a
/// few shapes (dates, ids, e-mail addresses, codes) show a payload as a shape they never had; which
/// characters a field holds is the job of <see cref="CharacterClasses"/>. A value's <em>format</em> is
/// finer: letter runs become <c>a</c> and digit runs <c>9</c>, each followed by its length
/// (<c>19848007L</c> → <c>98a1</c>, <c>28001</c> → <c>95</c>), so fixed formats (national ids, postal
/// codes, card numbers) show a malformed value that has the same shape.
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

    /// <summary>
    /// Writes the skeleton into <paramref name="buffer"/> (at least <see cref="MaxLength"/> long): the shape
    /// with every punctuation character written as <c>p</c> (<c>!abc</c> and <c>*abc</c> → <c>pa</c>), so shapes
    /// that differ only in which punctuation stands in one place share it.
    /// </summary>
    public static ReadOnlySpan<char> WriteSkeleton(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var shape = Write(value, buffer);
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] != 'a' && !char.IsWhiteSpace(shape[i]))
            {
                buffer[i] = 'p';
            }
        }
        return shape;
    }

    public static string SkeletonOf(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(WriteSkeleton(value, buffer));
    }

    /// <summary>Writes the format into <paramref name="buffer"/> (at least <see cref="MaxLength"/> long) without allocating.</summary>
    /// <remarks>A run's length always follows its symbol and runs alternate, so distinct formats never collide.</remarks>
    public static ReadOnlySpan<char> WriteFormat(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var length = 0;
        var i = 0;
        while (i < value.Length && length < MaxLength)
        {
            var c = value[i];
            var symbol = char.IsDigit(c) ? '9' : char.IsLetter(c) ? 'a' : '\0';
            if (symbol == '\0')
            {
                buffer[length++] = c;
                i++;
                continue;
            }
            var run = 1;
            while (i + run < value.Length && (symbol == '9' ? char.IsDigit(value[i + run]) : char.IsLetter(value[i + run])))
            {
                run++;
            }
            i += run;
            buffer[length++] = symbol;
            if (!run.TryFormat(buffer[length..], out var written, default, System.Globalization.CultureInfo.InvariantCulture))
            {
                break;
            }
            length += written;
        }
        return buffer[..Math.Min(length, MaxLength)];
    }

    public static string FormatOf(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(WriteFormat(value, buffer));
    }
}
