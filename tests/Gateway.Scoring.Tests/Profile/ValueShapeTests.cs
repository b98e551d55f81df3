using Gateway.Scoring.Profile;

namespace Gateway.Scoring.Tests.Profile;

public sealed class ValueShapeTests
{
    [Theory]
    [InlineData("jo.smith@mail.example", "a.a@a.a")]
    [InlineData("2024-01-31", "a-a-a")]
    [InlineData("Ünïcödé 42", "a a")]
    [InlineData("", "")]
    [InlineData("' or 1=1--", "' a a=a--")]
    public void Of_CollapsesLetterAndDigitRuns(string value, string shape) => Assert.Equal(shape, ValueShape.Of(value));

    [Theory]
    [InlineData("19848007L", "98a1")]
    [InlineData("28001", "95")]
    [InlineData("SKU-4411", "a3-94")]
    [InlineData("jo.smith2@mail.example", "a2.a5" + "91@a4.a7")]
    [InlineData("Ünïcödé 42", "a7 92")]
    [InlineData("", "")]
    public void FormatOf_KeepsRunLengths(string value, string format) => Assert.Equal(format, ValueShape.FormatOf(value));

    [Fact]
    public void FormatOf_VeryLongValue_IsCutAtTheMaximum() =>
        Assert.Equal(ValueShape.MaxLength, ValueShape.FormatOf(string.Concat(Enumerable.Repeat("a-", 100))).Length);

    [Fact]
    public void Of_VeryLongValue_IsCutAtTheMaximum() =>
        Assert.Equal(ValueShape.MaxLength, ValueShape.Of(string.Concat(Enumerable.Repeat("a-", 100))).Length);

    [Fact]
    public void CharacterClasses_QuoteIsOutsideLettersAndDigits()
    {
        var learned = CharacterClasses.Of("abc123");
        Assert.False(CharacterClasses.Of("zz9").HasAnyOutside(learned));
        Assert.True(CharacterClasses.Of("a'").HasAnyOutside(learned));
        Assert.True(CharacterClasses.Of("a\0").HasAnyOutside(learned));
        Assert.False(CharacterClasses.Of("ñandú").HasAnyOutside(learned));
    }

    [Fact]
    public void CharacterClasses_EveryAsciiPunctuationHasItsOwnClass()
    {
        const string punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        var seen = new HashSet<ulong>();
        foreach (var c in punctuation)
        {
            Assert.True(seen.Add(CharacterClasses.Of(c.ToString()).Bits), $"'{c}' shares a class");
        }
    }
}
