namespace Gateway.Scoring.Content;

/// <summary>
/// Indices (relative to <see cref="ContentFeatureLayout.HandcraftedOffset"/>) and names of the
/// hand-written features. Counts are written as <c>ln(1 + count)</c>, ratios in [0,1], flags as 0/1.
/// </summary>
internal static class HandcraftedFeature
{
    public const int PathLength = 0;
    public const int ArgumentsLength = 1;
    public const int ArgumentCount = 2;
    public const int MaxValueLength = 3;
    public const int PathDepth = 4;
    public const int DecodeRounds = 5;
    public const int MultipleEncoding = 6;
    public const int PercentU = 7;
    public const int OverlongUtf8 = 8;
    public const int Fullwidth = 9;
    public const int MalformedPercent = 10;
    public const int Truncated = 11;
    public const int SingleQuote = 12;
    public const int DoubleQuote = 13;
    public const int Backtick = 14;
    public const int AngleOpen = 15;
    public const int AngleClose = 16;
    public const int Parenthesis = 17;
    public const int Semicolon = 18;
    public const int Pipe = 19;
    public const int DollarParenthesis = 20;
    public const int DollarBrace = 21;
    public const int DoubleDash = 22;
    public const int CommentOpen = 23;
    public const int Hash = 24;
    public const int DotDotSlash = 25;
    public const int Backslash = 26;
    public const int Nul = 27;
    public const int LineBreak = 28;
    public const int OtherControl = 29;
    public const int Brace = 30;
    public const int Bracket = 31;
    public const int Asterisk = 32;
    public const int PercentLeft = 33;
    public const int EqualsSign = 34;
    public const int Whitespace = 35;
    public const int Colon = 36;
    public const int NonAsciiRatio = 37;
    public const int DigitRatio = 38;
    public const int LetterRatio = 39;
    public const int SpecialRatio = 40;
    public const int SqlKeywords = 41;
    public const int XssKeywords = 42;
    public const int ShellKeywords = 43;
    public const int FileKeywords = 44;
    public const int SuspiciousExtension = 45;
    public const int DoubleSlash = 46;

    // Syntax in context (SyntaxScanner): a word or symbol in the position an injection puts it.
    public const int SqlQuoteLogic = 47;
    public const int SqlValueLogic = 48;
    public const int SqlComparison = 49;
    public const int SqlSelectClause = 50;
    public const int SqlFunctionCall = 51;
    public const int SqlQuoteTerminator = 52;
    public const int SqlStacked = 53;
    public const int HtmlTag = 54;
    public const int ScriptTag = 55;
    public const int EventHandler = 56;
    public const int ScriptScheme = 57;
    public const int ScriptCall = 58;
    public const int HtmlEntity = 59;
    public const int ShellChain = 60;
    public const int SensitivePath = 61;
    public const int DangerousScheme = 62;
    public const int InternalUrl = 63;
    public const int TemplateExpression = 64;
    public const int LookupExpression = 65;
    public const int QueryOperator = 66;
    public const int HeaderInjection = 67;
    public const int XmlEntity = 68;
    public const int CodeKeywords = 69;

    public const int Count = 70;

    /// <summary>Names in index order; exported with the training matrix and shown in the model docs.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "path_length_log", "arguments_length_log", "argument_count_log", "max_value_length_log",
        "path_depth_log", "decode_rounds", "multiple_encoding", "percent_u", "overlong_utf8",
        "fullwidth", "malformed_percent_log", "truncated", "single_quote_log", "double_quote_log",
        "backtick_log", "angle_open_log", "angle_close_log", "parenthesis_log", "semicolon_log",
        "pipe_log", "dollar_parenthesis_log", "dollar_brace_log", "double_dash_log",
        "comment_open_log", "hash_log", "dot_dot_slash_log", "backslash_log", "nul_log",
        "line_break_log", "other_control_log", "brace_log", "bracket_log", "asterisk_log",
        "percent_left_log", "equals_log", "whitespace_log", "colon_log", "non_ascii_ratio",
        "digit_ratio", "letter_ratio", "special_ratio", "sql_keywords_log", "xss_keywords_log",
        "shell_keywords_log", "file_keywords_log", "suspicious_extension", "double_slash",
        "sql_quote_logic_log", "sql_value_logic_log", "sql_comparison_log", "sql_select_clause_log",
        "sql_function_call_log", "sql_quote_terminator_log", "sql_stacked_log", "html_tag_log", "script_tag_log",
        "event_handler_log", "script_scheme_log", "script_call_log", "html_entity_log", "shell_chain_log",
        "sensitive_path_log", "dangerous_scheme_log", "internal_url_log", "template_expression_log",
        "lookup_expression_log", "query_operator_log", "header_injection_log", "xml_entity_log", "code_keywords_log",
    ];
}
