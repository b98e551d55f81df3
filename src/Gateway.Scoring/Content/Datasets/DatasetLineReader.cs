using System.Text;

namespace Gateway.Scoring.Content.Datasets;

/// <summary>
/// Reads a dataset file line by line, keeping each line's terminator (CRLF, LF or none at the end),
/// because request bodies are counted in bytes including what follows them. Bytes map to chars as
/// Latin-1, so no byte is lost or replaced. Lines are bounded so that a corrupt file cannot
/// exhaust memory.
/// </summary>
internal sealed class DatasetLineReader(Stream stream, int maxLineBytes = DatasetLineReader.DefaultMaxLineBytes)
{
    public const int DefaultMaxLineBytes = 1024 * 1024;

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <summary>One-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <returns>False at the end of the stream.</returns>
    /// <exception cref="InvalidDataException">A line is longer than the limit.</exception>
    public bool TryReadLine(out string line, out string terminator)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline > maxLineBytes || (newline < 0 && pending.Length > maxLineBytes))
            {
                throw new InvalidDataException($"line {LineNumber + 1} is longer than {maxLineBytes} bytes");
            }
            if (newline >= 0)
            {
                var content = pending[..newline];
                terminator = "\n";
                if (!content.IsEmpty && content[^1] == '\r')
                {
                    content = content[..^1];
                    terminator = "\r\n";
                }
                line = Encoding.Latin1.GetString(content);
                _start += newline + 1;
                LineNumber++;
                return true;
            }
            if (_endOfStream)
            {
                terminator = string.Empty;
                line = Encoding.Latin1.GetString(pending);
                _start = _end;
                if (pending.IsEmpty)
                {
                    return false;
                }
                LineNumber++;
                return true;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLineBytes + 2));
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }
        _end += read;
    }
}
