namespace Gateway.Scoring.Login;

/// <summary>
/// The bundled default list of hosting (datacenter and cloud) autonomous systems: where credential
/// stuffing proxies are cheap to rent and where few people log in from. A prior, not a verdict.
/// </summary>
public static class HostingAsns
{
    public static IReadOnlyList<uint> Default { get; } =
    [
        16509, 14618, 8987,     // Amazon
        15169, 396982, 19527,   // Google, Google Cloud
        8075, 8068,             // Microsoft
        31898,                  // Oracle
        14061,                  // DigitalOcean
        16276,                  // OVH
        24940,                  // Hetzner
        63949,                  // Akamai / Linode
        20473,                  // Vultr (Choopa)
        45102, 37963,           // Alibaba
        132203, 45090,          // Tencent
        51167,                  // Contabo
        60781, 16265, 28753,    // Leaseweb
        12876,                  // Scaleway
        9009,                   // M247
        47583,                  // Hostinger
        8560,                   // IONOS
        60068,                  // DataCamp (CDN77)
        40676,                  // Psychz
        8100,                   // QuadraNet
        36352,                  // ColoCrossing
        212238,                 // Datacamp
        62567,                  // DigitalOcean (second AS)
        135377,                 // UCloud
        53667,                  // FranTech / BuyVM
        46606,                  // Unified Layer
        26496,                  // GoDaddy
        32613,                  // iWeb
        29802,                  // HVC
        197540,                 // netcup
        49981,                  // WorldStream
        202425,                 // IP Volume
    ];
}
