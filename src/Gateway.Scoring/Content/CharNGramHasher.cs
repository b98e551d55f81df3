using System.Numerics;

namespace Gateway.Scoring.Content;

/// <summary>
/// Counts character 1–3-grams of decoded text into a fixed number of hashed buckets, then scales
/// them to sublinear, unit-length values so that long requests do not dominate by size alone.
/// </summary>
internal static class CharNGramHasher
{
    /// <summary>Adds the n-grams of <paramref name="text"/>; grams never span two calls.</summary>
    /// <param name="buckets">Power-of-two sized region of the feature vector.</param>
    public static void Accumulate(ReadOnlySpan<char> text, Span<float> buckets)
    {
        var mask = (uint)buckets.Length - 1;
        uint previous = 0;
        uint beforePrevious = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var symbol = Symbol(text[i]);
            buckets[Bucket((1u << 24) | symbol, mask)] += 1;
            if (previous != 0)
            {
                buckets[Bucket((2u << 24) | (previous << 8) | symbol, mask)] += 1;
                if (beforePrevious != 0)
                {
                    buckets[Bucket((3u << 24) | (beforePrevious << 16) | (previous << 8) | symbol, mask)] += 1;
                }
            }
            beforePrevious = previous;
            previous = symbol;
        }
    }

    /// <summary>Turns counts into <c>ln(1 + count)</c> and scales the region to unit L2 norm.</summary>
    public static void Normalize(Span<float> buckets)
    {
        var sumOfSquares = 0f;
        var width = Vector<float>.Count;
        var i = 0;
        for (; i + width <= buckets.Length; i += width)
        {
            // Most buckets stay empty; skip them a vector at a time.
            if (Vector.EqualsAll(new Vector<float>(buckets.Slice(i, width)), Vector<float>.Zero))
            {
                continue;
            }
            for (var j = i; j < i + width; j++)
            {
                sumOfSquares += Sublinear(ref buckets[j]);
            }
        }
        for (; i < buckets.Length; i++)
        {
            sumOfSquares += Sublinear(ref buckets[i]);
        }
        if (sumOfSquares > 0)
        {
            var scale = 1f / MathF.Sqrt(sumOfSquares);
            for (i = 0; i + width <= buckets.Length; i += width)
            {
                var slice = buckets.Slice(i, width);
                (new Vector<float>(slice) * scale).CopyTo(slice);
            }
            for (; i < buckets.Length; i++)
            {
                buckets[i] *= scale;
            }
        }
    }

    private static float Sublinear(ref float value)
    {
        if (value == 0)
        {
            return 0;
        }
        value = MathF.Log(1 + value);
        return value * value;
    }

    /// <summary>
    /// 1..0x81, so that 0 can mean "no previous symbol" (NUL is a real symbol here). Digits share one
    /// symbol (values such as prices and ids carry no attack signal in their exact digits), and all
    /// non-ASCII characters share another.
    /// </summary>
    private static uint Symbol(char c) =>
        c >= 0x80 ? 0x81u : (uint)(c - '0') <= 9 ? '0' + 1u : c + 1u;

    private static int Bucket(uint key, uint mask)
    {
        // Multiply-xorshift mixing: n-gram keys are small, dense integers that need spreading.
        var h = key * 0x9E3779B97F4A7C15UL;
        h ^= h >> 32;
        h *= 0xD6E8FEB86659FD93UL;
        h ^= h >> 32;
        return (int)((uint)h & mask);
    }
}
