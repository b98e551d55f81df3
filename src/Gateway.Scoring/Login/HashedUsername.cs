namespace Gateway.Scoring.Login;

/// <param name="Id">Entity id: 32 hex digits.</param>
/// <param name="Member">Never 0 (0 means "no member").</param>
internal readonly record struct HashedUsername(string Id, ulong Member);
