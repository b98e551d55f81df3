using System.Buffers.Binary;

namespace Gateway.Scoring.Login.Device;

/// <summary>
/// The remembered-device cookie's content. Layout (version 1): version, issued-at (Unix seconds,
/// big-endian), a random 16-byte device id, the number of username tags, then each 8-byte tag
/// (most recently signed-in first). A tag is a keyed hash of the username, never the username.
/// </summary>
internal sealed record DeviceCookie(DateTimeOffset IssuedAt, byte[] DeviceId, ulong[] Tags)
{
    public const byte Version = 1;
    public const int DeviceIdSize = 16;
    private const int HeaderSize = 1 + 8 + DeviceIdSize + 1;

    /// <summary>Most tags a cookie can hold whatever the configuration (bounds the text to read).</summary>
    public const int MaxTags = 16;

    public bool Names(ulong tag) => Array.IndexOf(Tags, tag) >= 0;

    /// <summary>The same device, re-issued now with <paramref name="tag"/> first and at most <paramref name="maxTags"/> tags.</summary>
    public DeviceCookie With(ulong tag, DateTimeOffset now, int maxTags)
    {
        var tags = new List<ulong>(maxTags) { tag };
        foreach (var existing in Tags)
        {
            if (tags.Count >= maxTags)
            {
                break;
            }
            if (existing != tag)
            {
                tags.Add(existing);
            }
        }
        return this with { IssuedAt = now, Tags = [.. tags] };
    }

    public byte[] ToPayload()
    {
        var payload = new byte[HeaderSize + (8 * Tags.Length)];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), IssuedAt.ToUnixTimeSeconds());
        DeviceId.AsSpan(0, DeviceIdSize).CopyTo(payload.AsSpan(9));
        payload[HeaderSize - 1] = (byte)Tags.Length;
        for (var i = 0; i < Tags.Length; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(payload.AsSpan(HeaderSize + (8 * i)), Tags[i]);
        }
        return payload;
    }

    /// <returns>Null when the payload is not a version-1 cookie.</returns>
    public static DeviceCookie? FromPayload(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderSize || payload[0] != Version)
        {
            return null;
        }
        var count = payload[HeaderSize - 1];
        if (count is 0 or > MaxTags || payload.Length != HeaderSize + (8 * count))
        {
            return null;
        }
        var tags = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            tags[i] = BinaryPrimitives.ReadUInt64BigEndian(payload[(HeaderSize + (8 * i))..]);
        }
        return new DeviceCookie(
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload[1..])),
            payload.Slice(9, DeviceIdSize).ToArray(),
            tags);
    }
}
