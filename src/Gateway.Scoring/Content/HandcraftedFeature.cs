namespace Gateway.Scoring.Content;

/// <summary>
/// Indices (relative to <see cref="ContentFeatureLayout.HandcraftedOffset"/>) and names of the
/// hand-written features. Counts are written as <c>ln(1 + count)</c>, flags as 0/1; the syntax
/// features (<see cref="SqlQuoteLogic"/> to <see cref="XmlEntity"/>, and <see cref="LdapFilter"/> on) are flags, because one
/// <c>union select</c> is as telling as three and a payload seldom repeats itself. Every one is
/// evidence of an attack or of evasion, so the model may only weigh it toward "attack"; sizes and
/// character-class ratios of the request are deliberately absent: they describe an application's
/// URL and form design (CSIC's, during training) rather than any payload.
/// </summary>
internal static class HandcraftedFeature
{
    public const int DecodeRounds = 0;
    public const int MultipleEncoding = 1;
    public const int PercentU = 2;
    public const int OverlongUtf8 = 3;
    public const int Fullwidth = 4;
    public const int MalformedPercent = 5;
    public const int Truncated = 6;
    public const int SingleQuote = 7;
    public const int DoubleQuote = 8;
    public const int Backtick = 9;
    public const int AngleOpen = 10;
    public const int AngleClose = 11;
    public const int Parenthesis = 12;
    public const int Semicolon = 13;
    public const int Pipe = 14;
    public const int DollarParenthesis = 15;
    public const int DollarBrace = 16;
    public const int DoubleDash = 17;
    public const int CommentOpen = 18;
    public const int Hash = 19;
    public const int DotDotSlash = 20;
    public const int Backslash = 21;
    public const int Nul = 22;
    public const int LineBreak = 23;
    public const int OtherControl = 24;
    public const int Brace = 25;
    public const int Bracket = 26;
    public const int Asterisk = 27;
    public const int PercentLeft = 28;
    public const int EqualsSign = 29;
    public const int Whitespace = 30;
    public const int Colon = 31;
    public const int SqlKeywords = 32;
    public const int XssKeywords = 33;
    public const int ShellKeywords = 34;
    public const int FileKeywords = 35;
    public const int SuspiciousExtension = 36;
    public const int DoubleSlash = 37;

    // Syntax in context (SyntaxScanner), written as flags: a word or symbol in the position an injection puts it.
    public const int SqlQuoteLogic = 38;
    public const int SqlValueLogic = 39;
    public const int SqlComparison = 40;
    public const int SqlSelectClause = 41;
    public const int SqlFunctionCall = 42;
    public const int SqlQuoteTerminator = 43;
    public const int SqlStacked = 44;
    public const int HtmlTag = 45;
    public const int ScriptTag = 46;
    public const int EventHandler = 47;
    public const int ScriptScheme = 48;
    public const int CodeCall = 49;
    public const int HtmlEntity = 50;
    public const int ShellChain = 51;
    public const int SensitivePath = 52;
    public const int DangerousScheme = 53;
    public const int InternalUrl = 54;
    public const int TemplateExpression = 55;
    public const int LookupExpression = 56;
    public const int QueryOperator = 57;
    public const int HeaderInjection = 58;
    public const int XmlEntity = 59;
    public const int CodeKeywords = 60;

    // Payload structures (PayloadMarkers, content-v4), also flags.
    public const int LdapFilter = 61;
    public const int PrototypeKey = 62;
    public const int SerializedObject = 63;
    public const int UrlConfusion = 64;

    // Evidence of encoding, like DecodeRounds..Truncated; added last (content-v11) so no index moved.
    public const int EscapedUnreserved = 65;

    public const int Count = 66;

    /// <summary>Written as 0/1 rather than <c>ln(1 + count)</c>: the syntax-in-context and payload-structure features.</summary>
    public static bool IsFlag(int feature) => feature is (>= SqlQuoteLogic and <= XmlEntity) or >= LdapFilter;

    /// <summary>How the request was spelled on the wire rather than what it says.</summary>
    public static bool IsEncodingEvidence(int feature) => feature is < SingleQuote or EscapedUnreserved;

    /// <summary>Names in index order; exported with the training matrix and shown in the model docs.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "decode_rounds", "multiple_encoding", "percent_u", "overlong_utf8", "fullwidth",
        "malformed_percent_log", "truncated", "single_quote_log", "double_quote_log", "backtick_log",
        "angle_open_log", "angle_close_log", "parenthesis_log", "semicolon_log", "pipe_log",
        "dollar_parenthesis_log", "dollar_brace_log", "double_dash_log", "comment_open_log", "hash_log",
        "dot_dot_slash_log", "backslash_log", "nul_log", "line_break_log", "other_control_log", "brace_log",
        "bracket_log", "asterisk_log", "percent_left_log", "equals_log", "whitespace_log", "colon_log",
        "sql_keywords_log", "xss_keywords_log", "shell_keywords_log", "file_keywords_log",
        "suspicious_extension", "double_slash", "sql_quote_logic", "sql_value_logic",
        "sql_comparison", "sql_select_clause", "sql_function_call", "sql_quote_terminator",
        "sql_stacked", "html_tag", "script_tag", "event_handler", "script_scheme",
        "code_call", "html_entity", "shell_chain", "sensitive_path", "dangerous_scheme",
        "internal_url", "template_expression", "lookup_expression", "query_operator",
        "header_injection", "xml_entity", "code_keywords_log", "ldap_filter", "prototype_key",
        "serialized_object", "url_confusion", "escaped_unreserved",
    ];
}
