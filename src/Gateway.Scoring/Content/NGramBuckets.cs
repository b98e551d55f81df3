namespace Gateway.Scoring.Content;

/// <summary>
/// Counts character 1–3-grams of decoded text into a fixed number of hashed buckets, then scales
/// them to sublinear, unit-length values so that long requests do not dominate by size alone.
/// Remembers which buckets it touched, so that finishing costs per distinct gram, not per bucket.
/// </summary>
internal ref struct NGramBuckets
{
    private readonly Span<float> _buckets;
    private readonly Span<ushort> _touched;
    private readonly uint _mask;
    private int _touchedCount;

    /// <param name="buckets">Zeroed, power-of-two sized region of the feature vector (at most 65,536).</param>
    /// <param name="touched">Scratch of at least <paramref name="buckets"/>.Length entries.</param>
    public NGramBuckets(Span<float> buckets, Span<ushort> touched)
    {
        _buckets = buckets;
        _touched = touched;
        _mask = (uint)buckets.Length - 1;
    }

    /// <summary>
    /// Adds the n-grams of <paramref name="text"/> framed by start and end markers, so that
    /// <c>.gif</c> at the end of a path differs from <c>.gif</c> followed by <c>.bak</c> or <c>/</c>.
    /// Grams never span two calls; empty text adds nothing.
    /// </summary>
    public void Add(scoped ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var previous = Boundary;
        uint beforePrevious = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var symbol = Symbol(text[i]);
            Increment((1u << 24) | symbol);
            Increment((2u << 24) | (previous << 8) | symbol);
            if (beforePrevious != 0)
            {
                Increment((3u << 24) | (beforePrevious << 16) | (previous << 8) | symbol);
            }
            beforePrevious = previous;
            previous = symbol;
        }
        Increment((2u << 24) | (previous << 8) | Boundary);
        Increment((3u << 24) | (beforePrevious << 16) | (previous << 8) | Boundary);
    }

    /// <summary>Turns counts into <c>ln(1 + count)</c> and scales the region to unit L2 norm.</summary>
    public readonly void Normalize()
    {
        var touched = _touched[.._touchedCount];
        var sumOfSquares = 0f;
        foreach (var index in touched)
        {
            var value = MathF.Log(1 + _buckets[index]);
            _buckets[index] = value;
            sumOfSquares += value * value;
        }
        if (sumOfSquares > 0)
        {
            var scale = 1f / MathF.Sqrt(sumOfSquares);
            foreach (var index in touched)
            {
                _buckets[index] *= scale;
            }
        }
    }

    private void Increment(uint key)
    {
        // Multiply-xorshift mixing: n-gram keys are small, dense integers that need spreading.
        var h = key * 0x9E3779B97F4A7C15UL;
        h ^= h >> 32;
        var index = (int)((uint)h & _mask);
        ref var bucket = ref _buckets[index];
        if (bucket == 0)
        {
            _touched[_touchedCount++] = (ushort)index;
        }
        bucket += 1;
    }

    /// <summary>Start or end of a field; never a character's symbol.</summary>
    private const uint Boundary = 0x82;

    /// <summary>
    /// 1..0x81, so that 0 can mean "no previous symbol" (NUL is a real symbol here). Digits share one
    /// symbol (values such as prices and ids carry no attack signal in their exact digits), and all
    /// non-ASCII characters share another.
    /// </summary>
    private static uint Symbol(char c) =>
        c >= 0x80 ? 0x81u : (uint)(c - '0') <= 9 ? '0' + 1u : c + 1u;
}
