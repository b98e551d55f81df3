using System.Numerics;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.ScoreCache;

/// <summary>
/// Remembers the content model's probability for request contents sent again: extraction and the
/// model call are half of what the gateway adds to a request, and web traffic repeats itself (the
/// same page, asset or API read with the same query, many times a second). The answer is a pure
/// function of what the extractor reads (method, raw target, content type, body prefix) and the
/// loaded model, neither of which changes while the process runs, so a remembered answer is exactly
/// the one the model would give again.
/// </summary>
/// <remarks>
/// <para>
/// Direct-mapped: one slot per hash, an immutable entry per slot, replaced whole; readers never
/// lock. A hit compares the whole content with the entry's copy, so a hash collision (crafted or
/// not) costs a miss, never another request's answer. The hash is <see cref="HashCode"/>, seeded at
/// random per process, so nobody can aim requests at one slot from outside.
/// </para>
/// <para>
/// A content is admitted on its second sighting: the first only leaves its hash in a small table (a
/// doorkeeper, as in TinyLFU). One-off requests, which are most of an attack or a scan, then
/// allocate nothing and cannot push out what is really repeated.
/// </para>
/// <para>
/// Memory: at most <c>Entries</c> entries of at most <see cref="MaxContentChars"/> characters and
/// bytes of content each, about (2 × 512 + 200) bytes: 20 MB at the default 16,384 entries when every
/// slot holds the longest content, a few MB for typical traffic.
/// </para>
/// </remarks>
internal sealed class ContentScoreCache
{
    /// <summary>Target, content type and body together longer than this are never remembered.</summary>
    public const int MaxContentChars = 512;

    /// <summary>Upper bound of the configured entry count.</summary>
    public const int MaxEntries = 1 << 20;

    private readonly Entry?[] _slots;
    private readonly int[] _seenOnce;
    private readonly int _mask;
    private readonly Func<RequestContent, int> _hash;
    private long _hits;
    private long _misses;

    /// <param name="entries">Slots; rounded up to a power of two, at most <see cref="MaxEntries"/>.</param>
    public ContentScoreCache(int entries)
        : this(entries, Hash)
    {
    }

    /// <param name="hash">Test seam: forcing collisions proves a hit needs the whole content to match.</param>
    internal ContentScoreCache(int entries, Func<RequestContent, int> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entries, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries, MaxEntries);
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)entries);
        _slots = new Entry?[size];
        _seenOnce = new int[size];
        _mask = size - 1;
        _hash = hash;
    }

    /// <summary>Slots, after rounding up.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Lookups answered from memory.</summary>
    public long Hits => Volatile.Read(ref _hits);

    /// <summary>Lookups of cacheable content that had to go to the model.</summary>
    public long Misses => Volatile.Read(ref _misses);

    /// <summary>Short enough to remember.</summary>
    public static bool IsCacheable(in RequestContent content) =>
        (long)(content.Target?.Length ?? 0) + (content.ContentType?.Length ?? 0) + content.Body.Length <= MaxContentChars;

    /// <param name="hash">The content's hash, for <see cref="Offer"/> after a miss (0 when not cacheable).</param>
    public bool TryGet(in RequestContent content, out int hash, out float probability)
    {
        probability = 0;
        hash = 0;
        if (!IsCacheable(content))
        {
            return false;
        }
        hash = _hash(content);
        var entry = Volatile.Read(ref _slots[hash & _mask]);
        if (entry is not null && entry.Hash == hash && entry.Matches(content))
        {
            Interlocked.Increment(ref _hits);
            probability = entry.Probability;
            return true;
        }
        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>
    /// The model's answer for a content that <see cref="TryGet"/> missed, with the hash it gave.
    /// Remembered on the content's second sighting; only answers the model actually gave belong here
    /// (not shed or failed requests).
    /// </summary>
    public void Offer(in RequestContent content, int hash, float probability)
    {
        if (!IsCacheable(content))
        {
            return;
        }
        var slot = hash & _mask;
        // Racing writers of one slot are harmless: each writes a whole hash, or a whole entry.
        if (Volatile.Read(ref _seenOnce[slot]) != hash)
        {
            Volatile.Write(ref _seenOnce[slot], hash);
            return;
        }
        Volatile.Write(ref _slots[slot], new Entry(content, hash, probability));
    }

    private static int Hash(RequestContent content)
    {
        var hash = default(HashCode);
        hash.Add(content.Method, StringComparer.Ordinal);
        hash.Add(content.Target, StringComparer.Ordinal);
        hash.Add(content.ContentType, StringComparer.Ordinal);
        hash.AddBytes(content.Body.Span);
        return hash.ToHashCode();
    }

    /// <summary>One remembered content and its answer; never changed after it is made.</summary>
    private sealed class Entry
    {
        private readonly string _method;
        private readonly string _target;
        private readonly string? _contentType;
        private readonly byte[] _body;

        public Entry(in RequestContent content, int hash, float probability)
        {
            _method = content.Method;
            _target = content.Target;
            _contentType = content.ContentType;
            _body = content.Body.ToArray();
            Hash = hash;
            Probability = probability;
        }

        public int Hash { get; }

        public float Probability { get; }

        public bool Matches(in RequestContent content) =>
            string.Equals(_method, content.Method, StringComparison.Ordinal)
            && string.Equals(_target, content.Target, StringComparison.Ordinal)
            && string.Equals(_contentType, content.ContentType, StringComparison.Ordinal)
            && _body.AsSpan().SequenceEqual(content.Body.Span);
    }
}
