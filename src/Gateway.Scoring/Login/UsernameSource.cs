namespace Gateway.Scoring.Login;

/// <summary>Where a login request carries the username.</summary>
public enum UsernameSource
{
    /// <summary><c>application/x-www-form-urlencoded</c> body field.</summary>
    Form,

    /// <summary>Top-level string property of a JSON body.</summary>
    Json,
}
