namespace Gateway.LoadTests.LoginSim;

/// <summary>Who sends a simulated login.</summary>
internal enum ActorKind
{
    /// <summary>A real user of the site: households, mobile phones, offices, VPNs, travellers.</summary>
    Legitimate,

    /// <summary>Credential stuffing through a pool of rented hosting (datacenter) proxies.</summary>
    Stuffing,

    /// <summary>Credential stuffing through residential proxies: one or two attempts per home address.</summary>
    ResidentialStuffing,

    /// <summary>Low-and-slow password spraying: a few common passwords over many accounts from a few servers.</summary>
    Spraying,

    /// <summary>Many passwords against one account from one address.</summary>
    BruteForce,

    /// <summary>
    /// A legitimate user's earlier sign-in from their usual network, early in the span: the history
    /// any real site has of its users. Reported apart and not counted in the targets.
    /// </summary>
    History,
}
