namespace Gateway.Scoring.Profile;

/// <summary>Reason codes of the application profile, each with the risk it contributes on its own.</summary>
internal static class ProfileReasons
{
    public const string UnknownPath = "profile.unknown_path";
    public const string UnknownMethod = "profile.unknown_method";
    public const string UnknownParameter = "profile.unknown_parameter";
    public const string UnexpectedCharacter = "profile.unexpected_character";
    public const string TooLong = "profile.too_long";
    public const string UnknownValue = "profile.unknown_value";
    public const string UnexpectedShape = "profile.unexpected_shape";

    // A method, a parameter or a character class the application never received is strong evidence
    // (browsers send a page only the methods its forms and links use; a PUT or TRACE to a form page
    // is a probe); a new page under a known prefix or an over-long value also happens when the
    // application changes.
    // No finding alone reaches the default block threshold (0.85): an application that adds a field
    // before its profile is relearned gets challenges, not refusals; blocking needs a second signal.
    public const float UnknownPathRisk = 0.5f;
    public const float UnknownMethodRisk = 0.8f;
    public const float UnknownParameterRisk = 0.8f;
    public const float UnexpectedCharacterRisk = 0.8f;
    public const float TooLongRisk = 0.5f;
    public const float UnknownValueRisk = 0.6f;
    public const float UnexpectedShapeRisk = 0.7f;
}
