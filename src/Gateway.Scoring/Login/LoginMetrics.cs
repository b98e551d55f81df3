using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Scoring.Telemetry;

namespace Gateway.Scoring.Login;

/// <summary>Instruments of the login defence, on the protection meter (<c>Gateway.Protection</c>).</summary>
public sealed class LoginMetrics
{
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _detections;
    private readonly Counter<long> _cracked;
    private readonly Counter<long> _storeErrors;
    private readonly Counter<long> _fallbackReads;
    private readonly UpDownCounter<long> _surgeActive;
    private readonly Counter<long> _surgeChallenges;
    private readonly Counter<long> _deviceCookies;
    private readonly Counter<long> _devicesIssued;
    private readonly ProtectionMetrics _protection;

    public LoginMetrics(ProtectionMetrics protection)
    {
        _protection = protection;
        var meter = protection.Meter;
        _attempts = meter.CreateCounter<long>(
            "protection.login.attempts", "{attempt}", "Login attempts learned, by outcome (success, failure, other, stopped).");
        _detections = meter.CreateCounter<long>(
            "protection.login.detections", "{attempt}", "Login attempts a detector scored, by reason (login.stuffing, …) and action.");
        _cracked = meter.CreateCounter<long>(
            "protection.login.cracked", "{event}", "Successful logins after many failures: likely cracked credentials.");
        _storeErrors = meter.CreateCounter<long>(
            "protection.login.store.errors", "{event}", "Login-store operations that failed (Redis errors, timeouts).");
        _fallbackReads = meter.CreateCounter<long>(
            "protection.login.store.fallback_reads", "{read}", "Login reads served by the in-process fallback while Redis was unavailable.");
        _surgeActive = meter.CreateUpDownCounter<long>(
            "protection.login.surge.active", "{profile}", "Login profiles this replica sees under a site-wide attack (1 while under attack), by profile.");
        _surgeChallenges = meter.CreateCounter<long>(
            "protection.login.surge.challenges", "{attempt}", "Login attempts without owner evidence that the surge asked to challenge, by profile and action (stopped, forwarded with clearance).");
        _deviceCookies = meter.CreateCounter<long>(
            "protection.login.device.cookies", "{attempt}", "Login attempts that presented a remembered-device cookie, by result (vouched, other_username; ignored: malformed, bad_signature, expired).");
        _devicesIssued = meter.CreateCounter<long>(
            "protection.login.device.issued", "{cookie}", "Remembered-device cookies set after successful logins.");
    }

    public void Attempt(LoginOutcome outcome)
    {
        if (_attempts.Enabled)
        {
            _attempts.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)));
        }
    }

    public void Detection(string reason, string action)
    {
        if (_detections.Enabled)
        {
            _detections.Add(1, new TagList { { "reason", reason }, { "action", action } });
        }
    }

    /// <param name="result">vouched, other_username, malformed, bad_signature, expired.</param>
    public void DeviceCookie(string result)
    {
        if (_deviceCookies.Enabled)
        {
            _deviceCookies.Add(1, new KeyValuePair<string, object?>("result", result));
        }
    }

    public void DeviceIssued()
    {
        if (_devicesIssued.Enabled)
        {
            _devicesIssued.Add(1);
        }
    }

    public void Surge(string profile, bool active) =>
        _surgeActive.Add(active ? 1 : -1, new KeyValuePair<string, object?>("profile", profile));

    public void SurgeChallenge(string profile, string action)
    {
        if (_surgeChallenges.Enabled)
        {
            _surgeChallenges.Add(1, new TagList { { "profile", profile }, { "action", action } });
        }
    }

    public void Cracked()
    {
        if (_cracked.Enabled)
        {
            _cracked.Add(1);
        }
    }

    /// <param name="operation">read, write.</param>
    public void StoreError(string operation)
    {
        if (_storeErrors.Enabled)
        {
            _storeErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));
        }
    }

    /// <summary>Also a fail-open event: the decision lacks what other replicas saw.</summary>
    public void FallbackRead()
    {
        if (_fallbackReads.Enabled)
        {
            _fallbackReads.Add(1);
        }
        _protection.FailOpen("login.fallback");
    }

    public void FailOpen(string cause) => _protection.FailOpen(cause);

    private static string OutcomeName(LoginOutcome outcome) => outcome switch
    {
        LoginOutcome.Success => "success",
        LoginOutcome.Failure => "failure",
        LoginOutcome.Stopped => "stopped",
        _ => "other",
    };
}
