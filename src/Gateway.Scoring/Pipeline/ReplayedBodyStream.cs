namespace Gateway.Scoring.Pipeline;

/// <summary>
/// The request body as the upstream must see it: the prefix the gateway already read for scoring,
/// then the rest straight from the connection. Unlike <c>EnableBuffering</c> it keeps no copy of
/// the remainder, so a large upload costs no memory or temp files.
/// </summary>
internal sealed class ReplayedBodyStream(ReadOnlyMemory<byte> prefix, Stream inner) : Stream
{
    private ReadOnlyMemory<byte> _remainingPrefix = prefix;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_remainingPrefix.IsEmpty)
        {
            return TakeFromPrefix(buffer);
        }
        var read = inner.Read(buffer);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_remainingPrefix.IsEmpty)
        {
            return new ValueTask<int>(TakeFromPrefix(buffer.Span));
        }
        return ReadInnerAsync(buffer, cancellationToken);
    }

    private async ValueTask<int> ReadInnerAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    private int TakeFromPrefix(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _remainingPrefix.Length);
        _remainingPrefix.Span[..count].CopyTo(destination);
        _remainingPrefix = _remainingPrefix[count..];
        _position += count;
        return count;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
