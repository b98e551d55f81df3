namespace Gateway.Scoring.Policy;

public enum PolicyMode
{
    /// <summary>Challenge and block as decided.</summary>
    Enforce,
    /// <summary>Decide, log and count, but always forward: for trying a policy on live traffic.</summary>
    Monitor,
}
