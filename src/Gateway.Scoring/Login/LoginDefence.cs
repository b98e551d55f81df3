using System.Collections.Frozen;
using System.Net;
using System.Net.Sockets;
using Gateway.Scoring.Features;
using Gateway.Scoring.Login.Device;
using Gateway.Scoring.Pipeline;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Signals;
using Gateway.Scoring.Telemetry;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace Gateway.Scoring.Login;

/// <summary>
/// Login defence: on routes whose metadata names a login profile, finds the username, reads what
/// the store knows about the client's IP, subnet, ASN, hosting networks and the username, scores it
/// (<see cref="LoginDetector"/>), and after the upstream answered learns whether it was a failure
/// or a success. Other routes pay one dictionary lookup.
/// </summary>
internal sealed class LoginDefence(
    FrozenDictionary<string, LoginProfile> profiles,
    ILoginStoreBackend store,
    UsernameHasher hasher,
    FrozenSet<uint> hostingAsns,
    ulong anonymizerLists,
    DeviceCookies? devices,
    LoginMetrics metrics,
    ProtectionMetrics protectionMetrics)
{
    public ILoginStoreBackend Store => store;

    /// <summary>The route's login profile when this request is a login attempt (a POST to a login route).</summary>
    public LoginProfile? ProfileFor(HttpContext context)
    {
        if (profiles.Count == 0 || !HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }
        var metadata = context.GetRouteModel()?.Config.Metadata;
        return metadata is not null && metadata.TryGetValue(LoginOptions.RouteMetadataKey, out var name)
            && profiles.TryGetValue(name, out var profile) ? profile : null;
    }

    public LoginAttempt Begin(LoginProfile profile, in RequestSignals signals)
    {
        var ip = signals.ClientIp;
        var geo = signals.Geo;
        var isHosting = geo.Asn != 0 && hostingAsns.Contains(geo.Asn);
        var onInfrastructure = isHosting || (signals.Reputation.ListMask & anonymizerLists) != 0;
        var ipText = ip.ToString();
        return new LoginAttempt(
            profile,
            new LoginEntity(LoginEntityKind.Ip, ipText),
            PathHash.Of(ipText) | 1,
            SubnetOf(ip) is { } subnet ? new LoginEntity(LoginEntityKind.Subnet, subnet) : null,
            geo.Asn != 0 ? new LoginEntity(LoginEntityKind.Asn, geo.Asn.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
            onInfrastructure,
            isHosting,
            geo);
    }

    /// <summary>Reads the username from the body prefix, then every entity at once, then scores.</summary>
    public async Task AssessAsync(LoginAttempt attempt, Task<BodyPrefix> bodyTask, HttpRequest request, CompiledPolicy policy)
    {
        // Network entities do not need the body: their reads start at once.
        var ipRead = store.ReadAsync(attempt.Ip, LoginReadContext.None, CancellationToken.None);
        var subnetRead = ReadOrEmpty(attempt.Subnet, LoginReadContext.None);
        var asnRead = ReadOrEmpty(attempt.Asn, LoginReadContext.None);
        var siteRead = attempt.Profile.Surge.Enabled
            ? store.ReadSiteAsync(attempt.Profile.Surge.Site, attempt.Profile.Surge.Windows, CancellationToken.None)
            : new ValueTask<LoginSiteState>(LoginSiteState.Empty);
        var infrastructureRead = attempt.OnInfrastructure
            ? store.ReadAsync(LoginEntity.Infrastructure, LoginReadContext.None, CancellationToken.None)
            : new ValueTask<LoginEntityState>(LoginEntityState.Empty);

        var body = await bodyTask.ConfigureAwait(false);
        attempt.Username = hasher.Hash(attempt.Profile.ReadUsername(body.Memory.Span, LoginProfile.IsComplete(request, body.Length)));
        var userRead = attempt.Username is { } user
            ? store.ReadAsync(new LoginEntity(LoginEntityKind.Username, user.Id), new LoginReadContext(attempt.Geo.CountryCode, attempt.Geo.Asn, attempt.Subnet?.Id), CancellationToken.None)
            : new ValueTask<LoginEntityState>(LoginEntityState.Empty);

        CheckDevice(attempt, request);
        attempt.IpState = await ipRead.ConfigureAwait(false);
        attempt.SubnetState = await subnetRead.ConfigureAwait(false);
        attempt.AsnState = await asnRead.ConfigureAwait(false);
        attempt.InfrastructureState = await infrastructureRead.ConfigureAwait(false);
        attempt.UsernameState = await userRead.ConfigureAwait(false);
        attempt.SiteState = await siteRead.ConfigureAwait(false);
        LoginDetector.Score(attempt, policy.Options.ChallengeThreshold, policy.Options.BlockThreshold);
    }

    /// <summary>How the assessment stands at the decision's deadline.</summary>
    public SignalState Settle(Task? assessment)
    {
        if (assessment is null)
        {
            return SignalState.Skipped;
        }
        if (assessment.IsCompletedSuccessfully)
        {
            return SignalState.Ready;
        }
        if (assessment.IsCompleted)
        {
            _ = assessment.Exception; // observed: the store counted its failure
            metrics.FailOpen("login.unavailable");
            return SignalState.Unavailable;
        }
        protectionMetrics.SignalTimeout("login");
        metrics.FailOpen("login.late");
        assessment.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return SignalState.Late;
    }

    /// <summary>
    /// Learns one attempt: <paramref name="response"/> is the upstream's answer, or null when the
    /// gateway stopped the attempt itself. Never throws: learning must not fail the request.
    /// </summary>
    public void Learn(LoginAttempt? attempt, HttpResponse? response)
    {
        if (attempt is null)
        {
            return;
        }
        try
        {
            var outcome = response is null
                ? LoginOutcome.Stopped
                : attempt.Profile.Classify(response.StatusCode, response.Headers.Location.ToString());
            var cracked = outcome == LoginOutcome.Success && LoginDetector.LooksCracked(attempt);
            var username = attempt.Username;
            var member = username?.Member ?? 0;

            store.Record(attempt.Ip, new LoginObservation(outcome, member, MarkCracked: cracked));
            if (attempt.Subnet is { } subnet)
            {
                store.Record(subnet, new LoginObservation(outcome, member));
            }
            if (attempt.Asn is { } asn)
            {
                store.Record(asn, new LoginObservation(outcome, member));
            }
            if (attempt.OnInfrastructure)
            {
                store.Record(LoginEntity.Infrastructure, new LoginObservation(outcome, member));
            }
            if (username is { } user)
            {
                store.Record(new LoginEntity(LoginEntityKind.Username, user.Id),
                    new LoginObservation(outcome, attempt.IpMember, attempt.Geo.CountryCode, attempt.Geo.Asn, cracked, attempt.Subnet?.Id));
            }
            var surge = attempt.Profile.Surge;
            // Every failed or stopped attempt counts site-wide, also one already stopped on evidence
            // about its own IP, subnet, ASN or username: a campaign caught on some networks is still
            // an attack on the site, and its attempts through networks not yet seen need the surge.
            // Owners keep passing on their device cookie or known network. (login-sim seed 1: hosting-
            // proxy stuffing stopped after 20 went from 98.99% to 100% when these were counted too.)
            if (surge.Enabled)
            {
                var failingMember = outcome == LoginOutcome.Failure ? member : 0;
                store.RecordSite(surge.Site, new LoginSiteObservation(outcome, failingMember, LearnBaseline: !attempt.UnderSurge), surge.Windows);
            }
            if (attempt.Surge > 0)
            {
                metrics.SurgeChallenge(attempt.Profile.Surge.Site, outcome == LoginOutcome.Stopped ? "stopped" : "forwarded");
            }

            metrics.Attempt(outcome);
            if (cracked)
            {
                metrics.Cracked();
            }
            if (attempt.StrongestReason() is { } reason)
            {
                metrics.Detection(reason, outcome == LoginOutcome.Stopped ? "stopped" : "forwarded");
            }
        }
        catch (Exception)
        {
            metrics.StoreError("learn");
        }
    }

    /// <summary>
    /// Before the request goes upstream: once the upstream's answer is known (and before it is sent
    /// on), a successful login gets a remembered-device cookie. Headers cannot be added after the
    /// response started, hence the callback rather than <see cref="Learn"/>.
    /// </summary>
    public void Forwarding(LoginAttempt? attempt, HttpContext context)
    {
        if (devices is null || attempt is null)
        {
            return;
        }
        context.Response.OnStarting(static state =>
        {
            var (self, attempt, context) = ((LoginDefence, LoginAttempt, HttpContext))state;
            self.RememberDevice(attempt, context);
            return Task.CompletedTask;
        }, (this, attempt, context));
    }

    private void RememberDevice(LoginAttempt attempt, HttpContext context)
    {
        try
        {
            var response = context.Response;
            if (attempt.Username is not { } username
                || attempt.Profile.Classify(response.StatusCode, response.Headers.Location.ToString()) != LoginOutcome.Success)
            {
                return;
            }
            var value = devices!.Issue(attempt.Device, username);
            response.Cookies.Append(devices.Options.CookieName, value, devices.CookieOptions(context.Request.IsHttps));
            metrics.DeviceIssued();
        }
        catch (Exception)
        {
            // A missing cookie costs the user a challenge later, never this login.
            metrics.StoreError("device");
        }
    }

    private void CheckDevice(LoginAttempt attempt, HttpRequest request)
    {
        if (devices is null || attempt.Username is not { } username
            || !request.Cookies.TryGetValue(devices.Options.CookieName, out var text))
        {
            return;
        }
        var status = devices.Check(text, username, out var cookie);
        attempt.Device = cookie;
        attempt.DeviceVouched = status == DeviceCookieStatus.Vouches;
        metrics.DeviceCookie(status switch
        {
            DeviceCookieStatus.Vouches => "vouched",
            DeviceCookieStatus.OtherUsername => "other_username",
            DeviceCookieStatus.BadSignature => "bad_signature",
            DeviceCookieStatus.Expired => "expired",
            _ => "malformed",
        });
    }

    private ValueTask<LoginEntityState> ReadOrEmpty(LoginEntity? entity, LoginReadContext context) =>
        entity is { } e ? store.ReadAsync(e, context, CancellationToken.None) : new ValueTask<LoginEntityState>(LoginEntityState.Empty);

    /// <summary><c>a.b.c.0/24</c> for IPv4 (also IPv4-mapped IPv6), <c>prefix::/64</c> for IPv6.</summary>
    internal static string? SubnetOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return null;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork && written == 4)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && written == 16)
        {
            bytes[8..16].Clear();
            return new IPAddress(bytes[..16]).ToString() + "/64";
        }
        return null;
    }
}
