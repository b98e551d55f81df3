namespace Gateway.Scoring.Decision.Pages;

internal static class BlockPage
{
    public static string Render(string traceId) => PageLayout.Render(
        "Request blocked",
        "<p>This request was refused by the site's protection gateway.</p>" +
        "<p>If you believe this is a mistake, contact the site's operators and quote the reference below.</p>",
        traceId);
}
