namespace Gateway.DemoUpstream;

/// <summary><c>Gateway:DemoUpstream</c>: the bundled demo app the gateway protects when no
/// <c>Gateway:Upstream</c> is given, so the gateway runs from a clone with nothing else.</summary>
public sealed class DemoUpstreamOptions
{
    /// <summary>Default true; ignored (off) when <c>Gateway:Upstream</c> is set.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the demo app listens. Default <c>http://127.0.0.1:5081</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5081";
}
