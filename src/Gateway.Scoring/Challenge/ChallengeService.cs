using System.Net;
using System.Security.Cryptography;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Features.Redis;
using Gateway.Scoring.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// The proof-of-work challenge: issues signed tokens for the challenge page, redeems solved ones
/// for a clearance cookie, and lets a request with a valid clearance pass where it would be
/// challenged. Stateless apart from the single-use check; see README "Challenge".
/// </summary>
internal sealed partial class ChallengeService : IDisposable
{
    private readonly ChallengeOptions _options;
    private readonly ChallengeKeyRing _keys;
    private readonly ClientBinding _binding;
    private readonly ReplayGuard _replay;
    private readonly ChallengeMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RedisConnection? _redis;
    private readonly ChallengeKeySharing? _sharing;

    internal ChallengeService(
        ChallengeOptions options, ChallengeKeyRing keys, RedisConnection? redis, ChallengeKeySharing? sharing,
        ReplayGuard replay, ChallengeMetrics metrics, TimeProvider time, ILogger logger)
    {
        _options = options;
        _keys = keys;
        _redis = redis;
        _sharing = sharing;
        _replay = replay;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _binding = new ClientBinding(options.ClearanceIpv4PrefixLength, options.ClearanceIpv6PrefixLength);
    }

    public bool Enabled => _options.Enabled;
    public ChallengeOptions Options => _options;
    public ChallengeKeyRing Keys => _keys;

    /// <summary>Whether the Redis used for key sharing and single use is connected (false without Redis).</summary>
    internal bool RedisConnected => _redis?.IsConnected == true;

    /// <summary>Path of the endpoint the challenge page posts its solution to.</summary>
    public const string EndpointPath = "/.gateway/challenge";

    /// <summary>
    /// Builds the service from validated options. With no configured key and a Redis connection
    /// string, the key is shared through Redis (startup waits up to <paramref name="sharingWait"/>
    /// for the first exchange, then goes on with a local key).
    /// </summary>
    public static ChallengeService Create(
        ChallengeOptions options, string? redisConnectionString, string keyPrefix, ChallengeMetrics metrics,
        TimeProvider time, ILoggerFactory loggerFactory, TimeSpan sharingWait) =>
        Create(options, string.IsNullOrWhiteSpace(redisConnectionString) ? null : ConfigurationOptions.Parse(redisConnectionString),
            keyPrefix, metrics, time, loggerFactory, sharingWait);

    /// <param name="redisOptions">The validated Redis settings (<c>Protection:Features:Redis</c> or
    /// <c>ConnectionStrings:Redis</c>, one server or a cluster); null without Redis.</param>
    public static ChallengeService Create(
        ChallengeOptions options, ConfigurationOptions? redisOptions, string keyPrefix, ChallengeMetrics metrics,
        TimeProvider time, ILoggerFactory loggerFactory, TimeSpan sharingWait)
    {
        var logger = loggerFactory.CreateLogger<ChallengeService>();
        var configured = ChallengeOptionsValidator.DecodeKey(options.Key);
        var ring = new ChallengeKeyRing(configured is null
            ? ChallengeKeys.Generate()
            : ChallengeKeys.Derive(configured, ChallengeKeySource.Configured));
        RedisConnection? redis = null;
        ChallengeKeySharing? sharing = null;
        if (options.Enabled && redisOptions is not null)
        {
            // Its own multiplexer: challenge traffic is rare and must not queue behind feature reads.
            redis = RedisConnection.Start(redisOptions, loggerFactory.CreateLogger<RedisConnection>());
            if (configured is null)
            {
                sharing = new ChallengeKeySharing(redis, ring, keyPrefix, time, loggerFactory.CreateLogger<ChallengeKeySharing>());
                sharing.FirstAttempt.Wait(sharingWait);
            }
        }
        var replay = new ReplayGuard(redis, keyPrefix, new InProcessReplaySet(time), metrics, time,
            loggerFactory.CreateLogger<ReplayGuard>());
        Log.Started(logger, options.Enabled, ring.Source, options.BaseDifficultyBits, options.MaxDifficultyBits);
        return new ChallengeService(options, ring, redis, sharing, replay, metrics, time, logger);
    }

    /// <summary>
    /// Called for a request whose decision is "challenge": when it carries a valid clearance the
    /// decision becomes a pass with reason <c>clearance</c>. A tampered, expired or foreign cookie
    /// counts as absent. Never throws: a fault leaves the decision as it was.
    /// </summary>
    public ProtectionDecision ApplyClearance(HttpContext context, in ProtectionDecision decision, IPAddress? clientIp)
    {
        if (!_options.Enabled || decision.Action != DecisionAction.Challenge)
        {
            return decision;
        }
        try
        {
            if (!context.Request.Cookies.TryGetValue(_options.CookieName, out var value))
            {
                return decision;
            }
            var failure = CheckClearance(value, context.Request.Headers.UserAgent.ToString(), clientIp);
            if (failure != ChallengeFailure.None)
            {
                _metrics.ClearanceRejected(failure);
                return decision;
            }
            _metrics.ClearanceAccepted();
            var reasons = decision.Reasons;
            reasons.Add(Reasons.Clearance);
            return decision with { Action = DecisionAction.Pass, Reasons = reasons, PrimaryReason = Reasons.Clearance };
        }
        catch (Exception ex)
        {
            Log.ClearanceCheckFailed(_logger, ex);
            return decision;
        }
    }

    internal ChallengeFailure CheckClearance(string? value, string? userAgent, IPAddress? clientIp)
    {
        var failure = ClearanceCookie.TryRead(value, _keys, out var cookie);
        if (failure != ChallengeFailure.None)
        {
            return failure;
        }
        if (cookie!.ExpiresAt <= _time.GetUtcNow())
        {
            return ChallengeFailure.Expired;
        }
        Span<byte> expected = stackalloc byte[ClientBinding.Size];
        _binding.Compute(userAgent, clientIp, expected);
        return CryptographicOperations.FixedTimeEquals(expected, cookie.Binding) ? ChallengeFailure.None : ChallengeFailure.WrongBinding;
    }

    /// <summary>A fresh signed token for the challenge page; the work rises with the risk.</summary>
    public IssuedChallenge Issue(HttpContext context, double risk, CompiledPolicy policy, IPAddress? clientIp)
    {
        var bits = ChallengeDifficulty.FromRisk(risk, policy.Options.ChallengeThreshold, policy.Options.BlockThreshold,
            _options.BaseDifficultyBits, _options.MaxDifficultyBits);
        var path = ReturnPath.OrFallback(context.Request.GetEncodedPathAndQuery());
        var token = IssueToken(context.Request.Headers.UserAgent.ToString(), clientIp, path, bits);
        _metrics.Issued(bits);
        return new IssuedChallenge(token, bits);
    }

    internal string IssueToken(string? userAgent, IPAddress? clientIp, string returnPath, int bits)
    {
        var now = _time.GetUtcNow();
        var binding = new byte[ClientBinding.Size];
        _binding.Compute(userAgent, clientIp, binding);
        Span<byte> id = stackalloc byte[16];
        RandomNumberGenerator.Fill(id);
        var token = new ChallengeToken(now, now.AddSeconds(_options.TokenLifetimeSeconds), bits,
            new UInt128(BitConverter.ToUInt64(id), BitConverter.ToUInt64(id[8..])), binding, ReturnPath.OrFallback(returnPath));
        return token.Sign(_keys.Current.Token);
    }

    /// <summary>
    /// Checks a posted solution: signature, expiry, client binding, work, then single use. On
    /// success the result carries a clearance cookie value; in every case where the token itself is
    /// genuine it carries the return path, so the browser can go back and be challenged afresh.
    /// </summary>
    public async ValueTask<Redemption> RedeemAsync(string? tokenText, string? nonce, string? userAgent, IPAddress? clientIp)
    {
        var failure = ChallengeToken.TryRead(tokenText, _keys, out var token);
        if (failure != ChallengeFailure.None)
        {
            return Refuse(failure, null);
        }
        var now = _time.GetUtcNow();
        var returnPath = ReturnPath.OrFallback(token!.ReturnPath);
        if (token.ExpiresAt <= now)
        {
            return Refuse(ChallengeFailure.Expired, returnPath);
        }
        var binding = new byte[ClientBinding.Size];
        _binding.Compute(userAgent, clientIp, binding);
        if (!CryptographicOperations.FixedTimeEquals(binding, token.Binding))
        {
            return Refuse(ChallengeFailure.WrongBinding, returnPath);
        }
        if (!ProofOfWork.Verify(tokenText!, nonce ?? "", token.DifficultyBits))
        {
            return Refuse(ChallengeFailure.InsufficientWork, null);
        }
        if (!await _replay.TryConsumeAsync(token.Id, token.ExpiresAt).ConfigureAwait(false))
        {
            return Refuse(ChallengeFailure.Replay, returnPath);
        }
        _metrics.Solved();
        var expires = now.AddSeconds(_options.ClearanceLifetimeSeconds);
        var cookie = new ClearanceCookie(now, expires, binding).Sign(_keys.Current.Clearance);
        return new Redemption(ChallengeFailure.None, returnPath, cookie, expires);
    }

    /// <summary>Appends the clearance cookie: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS.</summary>
    public void AppendClearance(HttpContext context, Redemption redemption)
    {
        context.Response.Cookies.Append(_options.CookieName, redemption.Clearance!, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = redemption.ClearanceExpires,
            MaxAge = TimeSpan.FromSeconds(_options.ClearanceLifetimeSeconds),
        });
    }

    /// <summary>For <c>/readyz</c>: on or off, and where the signing key came from (<c>local</c>
    /// with Redis configured means it is not shared yet).</summary>
    public Pipeline.ComponentStatus Readiness() =>
        new(_options.Enabled ? "on" : "off", $"key {_keys.Source}".ToLowerInvariant());

    /// <summary>Counts a refusal found before the token was read (e.g. a form over its limits).</summary>
    public void CountFailure(ChallengeFailure failure) => _metrics.Failed(failure);

    private Redemption Refuse(ChallengeFailure failure, string? returnPath)
    {
        _metrics.Failed(failure);
        return new Redemption(failure, returnPath, null, default);
    }

    public void Dispose()
    {
        _sharing?.Dispose();
        _redis?.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Challenge enabled: {Enabled}; signing key {KeySource}; difficulty {BaseBits} to {MaxBits} bits")]
        public static partial void Started(ILogger logger, bool enabled, ChallengeKeySource keySource, int baseBits, int maxBits);

        [LoggerMessage(2, LogLevel.Error, "Clearance check failed; the request is challenged as decided")]
        public static partial void ClearanceCheckFailed(ILogger logger, Exception exception);
    }
}
