using System.Net;
using Microsoft.AspNetCore.Http;

namespace Gateway.Scoring.Pipeline;

/// <summary>The client address the pipeline scores: the peer, or what trusted proxies forwarded.</summary>
internal interface IClientAddressSource
{
    IPAddress Resolve(HttpContext context);
}
