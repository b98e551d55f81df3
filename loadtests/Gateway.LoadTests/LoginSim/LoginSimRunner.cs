using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gateway.LoadTests.Stats;

namespace Gateway.LoadTests.LoginSim;

/// <summary>
/// Plays the planned attempts against a gateway in order, one at a time (so that the run is
/// reproducible: each decision sees exactly the attempts before it), each at its planned moment of
/// the run. The client address travels in <c>X-Forwarded-For</c>, which the gateway trusts from
/// loopback. Attackers do not solve challenges: a 429 is a stopped attempt. Each user device keeps
/// the gateway's device cookie (a cookie jar per device) and sends it on its later logins.
/// </summary>
internal static class LoginSimRunner
{
    /// <summary>The gateway's default remembered-device cookie (<c>Protection:Login:Device:CookieName</c>).</summary>
    public const string DeviceCookieName = "gw_device";

    public static async Task<LoginSimResult> RunAsync(Uri gateway, IReadOnlyList<LoginEvent> events, TimeSpan duration,
        TimeProvider time, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 4 })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var result = new LoginSimResult();
        var jars = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = time.GetTimestamp();
        for (var i = 0; i < events.Count; i++)
        {
            var attempt = events[i];
            var due = duration * attempt.At - time.GetElapsedTime(start);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
            }
            var cookie = attempt.Device.Length > 0 ? jars.GetValueOrDefault(attempt.Device) : null;
            var (outcome, reason, issued) = await SendAsync(client, attempt, cookie, cancellationToken).ConfigureAwait(false);
            if (issued is not null && attempt.KeepsCookies && attempt.Device.Length > 0)
            {
                jars[attempt.Device] = issued;
            }
            result.Add(attempt, outcome, reason, cookie is not null);
            if (i % 500 == 0)
            {
                progress?.Report(i);
            }
        }
        result.Elapsed = time.GetElapsedTime(start);
        return result;
    }

    internal static HttpRequestMessage BuildRequest(LoginEvent attempt, string? deviceCookie = null)
    {
        HttpRequestMessage request;
        if (attempt.Json)
        {
            request = new HttpRequestMessage(HttpMethod.Post, "/api/login")
            {
                Content = JsonContent.Create(new { username = attempt.Username, password = attempt.Password }),
            };
            request.Headers.Accept.ParseAdd("application/json");
        }
        else
        {
            var body = $"username={Uri.EscapeDataString(attempt.Username)}&password={Uri.EscapeDataString(attempt.Password)}";
            request = new HttpRequestMessage(HttpMethod.Post, "/login")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Accept.ParseAdd("text/html");
        }
        request.Headers.Add("X-Forwarded-For", attempt.Client.ToString());
        if (deviceCookie is not null)
        {
            request.Headers.Add("Cookie", deviceCookie);
        }
        return request;
    }

    internal static AttemptResult Classify(HttpStatusCode status) => status switch
    {
        HttpStatusCode.OK => AttemptResult.Succeeded,
        HttpStatusCode.Unauthorized => AttemptResult.Failed,
        HttpStatusCode.TooManyRequests => AttemptResult.Challenged,
        HttpStatusCode.Forbidden => AttemptResult.Blocked,
        _ => AttemptResult.Error,
    };

    /// <summary>The first (strongest) reason of <c>X-Protection-Decision: action; score=..; reasons=a,b</c>.</summary>
    internal static string? StrongestReason(string? header)
    {
        if (header is null)
        {
            return null;
        }
        var at = header.IndexOf("reasons=", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var reasons = header[(at + "reasons=".Length)..];
        var end = reasons.IndexOfAny([',', ';']);
        return (end < 0 ? reasons : reasons[..end]).Trim();
    }

    /// <summary>The <c>name=value</c> of the device cookie a response sets, or null.</summary>
    internal static string? IssuedDeviceCookie(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return null;
        }
        foreach (var value in values)
        {
            if (value.StartsWith(DeviceCookieName + "=", StringComparison.Ordinal))
            {
                var end = value.IndexOf(';', StringComparison.Ordinal);
                return end < 0 ? value : value[..end];
            }
        }
        return null;
    }

    private static async Task<(AttemptResult, string?, string?)> SendAsync(HttpClient client, LoginEvent attempt, string? deviceCookie,
        CancellationToken cancellationToken)
    {
        using var request = BuildRequest(attempt, deviceCookie);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var header = response.Headers.TryGetValues(DecisionHeaderParser.HeaderName, out var values) ? string.Join(",", values) : null;
            return (Classify(response.StatusCode), StrongestReason(header), IssuedDeviceCookie(response));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (AttemptResult.Error, ex.GetType().Name, null);
        }
    }
}
