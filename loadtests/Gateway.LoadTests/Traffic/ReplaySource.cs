namespace Gateway.LoadTests.Traffic;

/// <summary>Replays recorded requests, each from a client of the pool (or always the same address).</summary>
internal sealed class ReplaySource : ITrafficSource
{
    private readonly IReadOnlyList<ReplayItem> _items;
    private readonly ClientAddressPool? _clients;
    private readonly string? _fixedAddress;
    private readonly ulong _salt;

    public ReplaySource(TrafficKind kind, IReadOnlyList<ReplayItem> items, ClientAddressPool clients, ulong salt)
        : this(kind, items, clients, null, salt)
    {
    }

    public ReplaySource(TrafficKind kind, IReadOnlyList<ReplayItem> items, string fixedAddress, ulong salt)
        : this(kind, items, null, fixedAddress, salt)
    {
    }

    private ReplaySource(TrafficKind kind, IReadOnlyList<ReplayItem> items, ClientAddressPool? clients, string? fixedAddress, ulong salt)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("A replay source needs at least one request.", nameof(items));
        }
        Kind = kind;
        _items = items;
        _clients = clients;
        _fixedAddress = fixedAddress;
        _salt = salt;
    }

    public TrafficKind Kind { get; }

    public LoadRequest Next(long sequence)
    {
        var item = _items[DeterministicHash.Pick(sequence, _salt, _items.Count)];
        var client = _fixedAddress ?? _clients!.For(sequence);
        return new LoadRequest(Kind, item.Method, item.Target, item.Body, item.ContentType, client);
    }
}
