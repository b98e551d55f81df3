using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Scoring.Pipeline;

/// <summary>
/// Reads at most a bounded prefix of the request body for scoring and puts it back in front of the
/// rest, so the upstream receives the body intact. The pooled buffer lives until the request ends.
/// </summary>
internal sealed class BodyPrefix : IDisposable
{
    private byte[]? _buffer;

    private BodyPrefix(byte[]? buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public static BodyPrefix Empty { get; } = new(null, 0);

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, Length);

    /// <summary>Whether a request carries a body worth reading (text-like content, non-empty).</summary>
    public static bool Worthwhile(HttpRequest request)
    {
        if (request.ContentLength == 0
            || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return false;
        }
        var type = request.ContentType;
        return type is null
            || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || type.Contains("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads up to <paramref name="maxBytes"/>. Deliberately not cancelled at the scoring deadline:
    /// a cancelled read leaves Kestrel's request body unusable, so a slow body is read to the end
    /// of the prefix (Kestrel's minimum data rate bounds how slow) and simply scored without.
    /// Malformed bodies throw <see cref="BadHttpRequestException"/>, answered by Kestrel as usual.
    /// </summary>
    public static async Task<BodyPrefix> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (maxBytes <= 0 || !Worthwhile(request))
        {
            return Empty;
        }
        var wanted = request.ContentLength is long declared ? (int)Math.Min(declared, maxBytes) : maxBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(wanted);
        var length = 0;
        var body = request.Body;
        try
        {
            while (length < wanted)
            {
                var read = await body.ReadAsync(buffer.AsMemory(length, wanted - length), request.HttpContext.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        if (length > 0)
        {
            request.Body = new ReplayedBodyStream(buffer.AsMemory(0, length), body);
        }
        return new BodyPrefix(buffer, length);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
