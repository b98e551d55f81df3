namespace Gateway.Scoring.Login;

/// <summary>A login store as the host holds it: with a health flag for readiness and the resources it owns.</summary>
internal interface ILoginStoreBackend : ILoginStore, IDisposable
{
    /// <summary><c>in-process</c>, <c>redis</c>, or <c>fallback</c> while Redis is down.</summary>
    string State { get; }
}
