using System.Net;
using Gateway.Scoring.ClientIp;
using Gateway.Scoring.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Gateway.Scoring.Pipeline;

/// <summary>Reads the client address from the connection and, from trusted proxies only, the
/// forwarding headers; counts malformed headers from trusted peers.</summary>
internal sealed class ForwardedClientAddress(ClientIpResolver resolver, ProtectionMetrics metrics) : IClientAddressSource
{
    public IPAddress Resolve(HttpContext context)
    {
        var headers = context.Request.Headers;
        var resolution = resolver.Resolve(context.Connection.RemoteIpAddress, headers["X-Forwarded-For"], headers["Forwarded"]);
        if (resolution.RejectedMalformedHeader)
        {
            metrics.ForwardedHeaderRejected();
        }
        return resolution.Address;
    }
}
