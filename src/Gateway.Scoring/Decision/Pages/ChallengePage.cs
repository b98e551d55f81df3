using System.Globalization;

namespace Gateway.Scoring.Decision.Pages;

/// <summary>
/// The "slow down" page, for browsers when the proof-of-work challenge is switched off
/// (<c>Protection:Challenge:Enabled=false</c>). Nothing here pretends to verify the browser.
/// </summary>
internal static class ChallengePage
{
    public static string Render(string traceId, int retryAfterSeconds) => PageLayout.Render(
        "Please wait a moment",
        "<p>Unusual activity was seen from your connection, so this request was held back.</p>" +
        $"<p>Please try again in {retryAfterSeconds.ToString(CultureInfo.InvariantCulture)} seconds.</p>",
        traceId);
}
