namespace Gateway.Scoring.Addressing;

/// <summary>Inclusive range of <see cref="IpAddressBits"/> keys.</summary>
internal readonly record struct IpRange(UInt128 First, UInt128 Last)
{
    public bool Contains(UInt128 key) => key >= First && key <= Last;
}
