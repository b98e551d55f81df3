namespace Gateway.LoadTests.Traffic;

/// <param name="Clients">Size of the benign client population (default 10,000). Each client's own rate is
/// the total rate divided by this; keep it well under the policy limits (e.g. 100 per 10 s) for benign traffic.</param>
/// <param name="Seed">Seeds every choice (clients, requests, mix), so runs repeat exactly.</param>
internal sealed record ScenarioOptions(int Clients, ulong Seed)
{
    public const int DefaultClients = 10_000;
    public const int BotnetSize = 64;
    public const int StuffingUsernames = 100_000;
}
