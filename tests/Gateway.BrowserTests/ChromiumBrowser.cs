using Microsoft.Playwright;

namespace Gateway.BrowserTests;

/// <summary>
/// Debian's headless chromium driven by Playwright. The browser is the system package (installed by
/// scripts/install-test-deps.sh), so no browser download is needed; Playwright's driver ships in
/// the NuGet package and is copied beside the test assembly.
/// </summary>
internal static class ChromiumBrowser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>A host name that resolves to loopback but, unlike <c>localhost</c>, is not a secure
    /// context over plain HTTP (so pages there have no WebCrypto).</summary>
    public const string InsecureHost = "challenge.test";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing; run scripts/install-test-deps.sh (./test.sh does), which installs chromium.");
        }
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Chromium's sandbox refuses to run as root (CI containers); it is the browser's
                // protection against hostile pages, not something these tests exercise.
                Args = Environment.IsPrivilegedProcess
                    ? ["--no-sandbox", $"--host-resolver-rules=MAP {InsecureHost} 127.0.0.1"]
                    : [$"--host-resolver-rules=MAP {InsecureHost} 127.0.0.1"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
