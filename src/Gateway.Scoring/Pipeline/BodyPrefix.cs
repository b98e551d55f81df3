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

    private BodyPrefix(byte[]? buffer, int length, bool complete)
    {
        _buffer = buffer;
        Length = length;
        Complete = complete;
    }

    public static BodyPrefix Empty { get; } = new(null, 0, complete: true);

    public int Length { get; }

    /// <summary>False when the read stopped at the deadline: only part of the prefix is here.</summary>
    public bool Complete { get; }

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

    public static async Task<BodyPrefix> ReadAsync(HttpRequest request, int maxBytes, CancellationToken deadline)
    {
        if (maxBytes <= 0 || !Worthwhile(request))
        {
            return Empty;
        }
        var wanted = request.ContentLength is long declared ? (int)Math.Min(declared, maxBytes) : maxBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(wanted);
        var length = 0;
        var complete = true;
        var body = request.Body;
        try
        {
            while (length < wanted)
            {
                var read = await body.ReadAsync(buffer.AsMemory(length, wanted - length), deadline).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            complete = false;
        }
        // Whatever was consumed must reach the upstream, even when the read was cut short.
        if (length > 0)
        {
            request.Body = new ReplayedBodyStream(buffer.AsMemory(0, length), body);
        }
        return new BodyPrefix(buffer, length, complete);
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
