using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Engine;

internal interface IRequestSender
{
    /// <summary>Sends the request and reads the whole response. Connection failures and timeouts
    /// come back as <see cref="ResponseOutcome.TransportError"/>; only cancellation throws.</summary>
    Task<ResponseOutcome> SendAsync(LoadRequest request, CancellationToken cancellationToken);
}
