namespace Gateway.LoadTests.SideBySide;

/// <summary>What a side-by-side run measures, in this order, each against the same upstream.</summary>
/// <param name="GatewayArguments">Configuration for the gateway process; null for the upstream itself.</param>
internal sealed record SideBySideTarget(string Name, string Description, string[]? GatewayArguments, bool NeedsRedis)
{
    public const string Direct = "direct";
    public const string BareYarp = "bare-yarp";
    public const string InProcess = "gateway-inprocess";
    public const string Redis = "gateway-redis";

    public static IReadOnlyList<SideBySideTarget> All { get; } =
    [
        new(Direct, "the upstream itself, no proxy", null, false),
        new(BareYarp, "the gateway binary with Protection:Enabled=false (plain YARP)", ["--Protection:Enabled=false"], false),
        new(InProcess, "the gateway, in-process feature store", [], false),
        new(Redis, "the gateway, Redis feature store (a local redis-server)", [], true),
    ];

    public static IReadOnlyList<string> Names { get; } = [Direct, BareYarp, InProcess, Redis];

    public static bool IsKnown(string name) => Names.Contains(name);

    public bool IsGateway => GatewayArguments is not null;
}
