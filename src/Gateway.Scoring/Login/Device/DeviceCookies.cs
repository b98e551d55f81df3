using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gateway.Scoring.Login.Device;

/// <summary>
/// Issues and checks remembered-device cookies: <c>base64url(payload) "." base64url(HMAC-SHA256)</c>.
/// Both keys are derived (HKDF-SHA256, one per purpose) from the login's username key rather than
/// the challenge's: the login defence owns that key, replicas sharing Redis already share it, and it
/// does not rotate, so a device stays remembered for its whole lifetime (the challenge's key ring
/// rotates and exists only where challenges are enabled). Purpose separation means a cookie's MAC
/// or tags can never be confused with a username's store key.
/// </summary>
internal sealed class DeviceCookies
{
    public const int MacSize = 32;

    /// <summary>Generous bound on the cookie's text: 16 tags are about 250 characters.</summary>
    public const int MaxTextLength = 512;

    /// <summary>Clock skew between replicas tolerated for a cookie's issue time.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static readonly byte[] SigningInfo = "gateway device cookie v1"u8.ToArray();
    private static readonly byte[] TagInfo = "gateway device username tag v1"u8.ToArray();

    private readonly byte[] _signingKey;
    private readonly byte[] _tagKey;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DeviceCookies(DeviceOptions options, ReadOnlySpan<byte> usernameKey, TimeProvider time)
    {
        Options = options;
        _signingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, usernameKey.ToArray(), 32, [], SigningInfo);
        _tagKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, usernameKey.ToArray(), 32, [], TagInfo);
        _time = time;
        _lifetime = TimeSpan.FromDays(options.LifetimeDays);
    }

    public DeviceOptions Options { get; }

    /// <summary>The username's tag: 64 bits of a keyed hash of its store id.</summary>
    public ulong Tag(HashedUsername username)
    {
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_tagKey, Encoding.ASCII.GetBytes(username.Id), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    public string Seal(DeviceCookie cookie)
    {
        var payload = cookie.ToPayload();
        Span<byte> mac = stackalloc byte[MacSize];
        HMACSHA256.HashData(_signingKey, payload, mac);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>Checks the form, the signature (constant time), the age, and whether it names the username.</summary>
    /// <param name="cookie">The verified cookie when the signature and age are good (whatever the username).</param>
    public DeviceCookieStatus Check(string? text, HashedUsername username, out DeviceCookie? cookie)
    {
        cookie = null;
        if (text is null)
        {
            return DeviceCookieStatus.Absent;
        }
        var dot = text.IndexOf('.');
        if (text.Length > MaxTextLength || dot <= 0 || dot != text.LastIndexOf('.'))
        {
            return DeviceCookieStatus.Malformed;
        }
        var body = text.AsSpan(0, dot);
        var signature = text.AsSpan(dot + 1);
        Span<byte> payload = stackalloc byte[MaxTextLength];
        Span<byte> given = stackalloc byte[MacSize];
        if (Base64Url.DecodeFromChars(body, payload, out _, out var written) != OperationStatus.Done
            || Base64Url.DecodeFromChars(signature, given, out _, out var macWritten) != OperationStatus.Done
            || macWritten != MacSize)
        {
            return DeviceCookieStatus.Malformed;
        }
        Span<byte> expected = stackalloc byte[MacSize];
        HMACSHA256.HashData(_signingKey, payload[..written], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return DeviceCookieStatus.BadSignature;
        }
        if (DeviceCookie.FromPayload(payload[..written]) is not { } read)
        {
            return DeviceCookieStatus.Malformed;
        }
        var now = _time.GetUtcNow();
        if (read.IssuedAt > now + Skew || now - read.IssuedAt > _lifetime)
        {
            return DeviceCookieStatus.Expired;
        }
        cookie = read;
        return read.Names(Tag(username)) ? DeviceCookieStatus.Vouches : DeviceCookieStatus.OtherUsername;
    }

    /// <summary>
    /// The cookie to set after <paramref name="username"/> signed in: the presented device's (its
    /// id kept, the username added first, the oldest dropped past the cap) or a new device's.
    /// </summary>
    public string Issue(DeviceCookie? presented, HashedUsername username)
    {
        var device = presented ?? new DeviceCookie(default, RandomNumberGenerator.GetBytes(DeviceCookie.DeviceIdSize), []);
        return Seal(device.With(Tag(username), _time.GetUtcNow(), Options.MaxUsernames));
    }

    public CookieOptions CookieOptions(bool secure) => new()
    {
        HttpOnly = true,
        Secure = secure,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = _lifetime,
        Expires = _time.GetUtcNow() + _lifetime,
        IsEssential = true,
    };
}
