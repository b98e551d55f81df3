namespace Gateway.Scoring.Content;

/// <summary>Families a word of decoded request text can belong to (a word may be in several).</summary>
[Flags]
internal enum KeywordClass : byte
{
    None = 0,
    Sql = 1,
    Xss = 2,
    Shell = 4,
    File = 8,
    /// <summary>Template, expression-language and lookup internals (<c>__globals__</c>, <c>getruntime</c>, <c>jndi</c>).</summary>
    Code = 16,
}
