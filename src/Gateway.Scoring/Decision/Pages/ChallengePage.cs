using System.Globalization;

namespace Gateway.Scoring.Decision.Pages;

/// <summary>
/// The interim challenge: an honest "slow down" page. The proof-of-work challenge with a signed
/// clearance cookie replaces it (see the login-defence work); until then nothing here pretends to
/// verify the browser.
/// </summary>
internal static class ChallengePage
{
    public static string Render(string traceId, int retryAfterSeconds) => PageLayout.Render(
        "Please wait a moment",
        "<p>Unusual activity was seen from your connection, so this request was held back.</p>" +
        $"<p>Please try again in {retryAfterSeconds.ToString(CultureInfo.InvariantCulture)} seconds.</p>",
        traceId);
}
