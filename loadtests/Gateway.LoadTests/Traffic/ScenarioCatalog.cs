namespace Gateway.LoadTests.Traffic;

/// <summary>The scenarios, as code. Add one here and it is available to <c>run</c> and <c>side-by-side</c>.</summary>
internal static class ScenarioCatalog
{
    private const double Third = 1.0 / 3;

    public static IReadOnlyList<(string Name, string Description)> Entries { get; } =
    [
        ("browse", "Benign browsing: CSIC 2010 normal requests (path, query, body) from the client population."),
        ("attacks", "CSIC 2010 anomalous requests (SQL injection, XSS, traversal, probes) from the client population."),
        ("mixed", "90% benign browsing, 10% CSIC attacks, from the client population."),
        ("login-stuffing", "Benign browsing; in the middle third, half the requests are credential stuffing: POST /login with many usernames from a 64-address botnet (rotating X-Forwarded-For)."),
        ("flood", "Benign browsing; in the middle third, half the requests come from one single address (flood)."),
    ];

    public static bool Exists(string name)
    {
        foreach (var entry in Entries)
        {
            if (entry.Name == name)
            {
                return true;
            }
        }
        return false;
    }

    /// <exception cref="LoadTestException">Unknown name, or the corpus cannot be read.</exception>
    public static Scenario Build(string name, CsicCorpus corpus, ScenarioOptions options)
    {
        var seed = options.Seed;
        return name switch
        {
            "browse" => Steady(name, Benign(corpus, options)),
            "attacks" => Steady(name, Attacks(corpus, options)),
            "mixed" => Steady(name, new TrafficMix([(Benign(corpus, options), 9), (Attacks(corpus, options), 1)], seed ^ 0x31)),
            "login-stuffing" => Burst(name, Benign(corpus, options),
                new CredentialStuffingSource(ClientAddressPool.Create(ScenarioOptions.BotnetSize, seed ^ 0xB07), ScenarioOptions.StuffingUsernames, seed ^ 0x5747),
                "stuffing burst", seed),
            "flood" => Burst(name, Benign(corpus, options),
                new ReplaySource(TrafficKind.Flood, corpus.Benign, ClientAddressPool.Create(1, seed ^ 0xF100D).At(0), seed ^ 0xF1),
                "flood", seed),
            _ => throw new LoadTestException($"unknown scenario '{name}'; known: {string.Join(", ", Names())}"),
        };
    }

    private static IEnumerable<string> Names()
    {
        foreach (var entry in Entries)
        {
            yield return entry.Name;
        }
    }

    private static ReplaySource Benign(CsicCorpus corpus, ScenarioOptions options) =>
        new(TrafficKind.Benign, corpus.Benign, ClientAddressPool.Create(options.Clients, options.Seed), options.Seed ^ 0xB1);

    private static ReplaySource Attacks(CsicCorpus corpus, ScenarioOptions options) =>
        new(TrafficKind.Attack, corpus.Attacks, ClientAddressPool.Create(options.Clients, options.Seed), options.Seed ^ 0xA7);

    private static Scenario Steady(string name, ITrafficSource source) =>
        Steady(name, new TrafficMix([(source, 1)], 0));

    private static Scenario Steady(string name, TrafficMix mix) =>
        new(name, Describe(name), [new ScenarioPhase(0, "steady", mix)]);

    /// <summary>Background traffic throughout; in the middle third, half of the requests come from the burst source.</summary>
    private static Scenario Burst(string name, ITrafficSource background, ITrafficSource burst, string label, ulong seed)
    {
        var quiet = new TrafficMix([(background, 1)], 0);
        var busy = new TrafficMix([(background, 1), (burst, 1)], seed ^ 0xBB);
        return new Scenario(name, Describe(name),
            [new ScenarioPhase(0, "before", quiet), new ScenarioPhase(Third, label, busy), new ScenarioPhase(2 * Third, "after", quiet)]);
    }

    private static string Describe(string name)
    {
        foreach (var entry in Entries)
        {
            if (entry.Name == name)
            {
                return entry.Description;
            }
        }
        return name;
    }
}
