namespace Gateway.Scoring.Challenge;

/// <summary>What the challenge page carries: the signed token and the work it asks.</summary>
internal readonly record struct IssuedChallenge(string Token, int DifficultyBits);
