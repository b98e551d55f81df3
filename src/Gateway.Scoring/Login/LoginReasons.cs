namespace Gateway.Scoring.Login;

/// <summary>Reasons the login defence adds to a decision.</summary>
public static class LoginReasons
{
    /// <summary>Many distinct usernames failing from one IP, subnet, ASN or hosting networks as a whole (short window).</summary>
    public const string Stuffing = "login.stuffing";

    /// <summary>The same in the long window: low-and-slow password spraying.</summary>
    public const string Spraying = "login.spraying";

    /// <summary>Many failures on one username, or from one IP.</summary>
    public const string BruteForce = "login.bruteforce";

    /// <summary>A country and ASN the username never logged in from.</summary>
    public const string NewLocation = "login.new_location";

    /// <summary>The username or IP recently succeeded after many failures.</summary>
    public const string Cracked = "login.cracked";

    /// <summary>The login profile is under a site-wide attack and nothing shows this client owns the account.</summary>
    public const string Surge = "login.surge";

    /// <summary>A login from a hosting network (a prior).</summary>
    public const string Hosting = "login.hosting";

    public const string Late = "late:login";
    public const string Down = "down:login";
}
