using System.Net;
using Gateway.DemoUpstream;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace Gateway.FunctionalTests;

/// <summary>
/// HEAD, as monitors, load balancers and <c>curl -I</c> send it, through the gateway to the demo shop
/// and to the gateway's own health endpoints: the headers GET would give, and no body.
/// </summary>
public sealed class HeadRequestTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/search?q=green+tea")]
    [InlineData("/api/products")]
    [InlineData("/api/products/2")]
    public Task Head_OnADemoPage_AnswersLikeGetWithoutABody(string target) =>
        BehindTheGatewayAsync(async gateway =>
        {
            using var get = await gateway.Client.GetAsync(target);
            using var head = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, target));

            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        });

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public Task Head_OnAHealthEndpoint_IsAnsweredByTheGatewayItself(string path) =>
        // The demo shop has no such path (404), so a 200 can only come from the gateway's own endpoint.
        BehindTheGatewayAsync(async gateway =>
        {
            using var head = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        });

    private static async Task BehindTheGatewayAsync(Func<GatewayInstance, Task> test)
    {
        var demo = DemoUpstreamApp.Build($"http://127.0.0.1:{FreePort.Next()}");
        await demo.StartAsync();
        try
        {
            await using var gateway = await GatewayInstance.StartAsync(demo.Urls.First());
            await test(gateway);
        }
        finally
        {
            await demo.DisposeAsync();
        }
    }
}
