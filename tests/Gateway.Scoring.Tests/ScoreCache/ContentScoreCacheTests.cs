using System.Text;
using Gateway.Scoring.Content;
using Gateway.Scoring.ScoreCache;

namespace Gateway.Scoring.Tests.ScoreCache;

public sealed class ContentScoreCacheTests
{
    private static RequestContent Get(string target) => new("GET", target, ReadOnlyMemory<byte>.Empty, null);

    private static RequestContent Post(string target, string body, string? contentType = "application/x-www-form-urlencoded") =>
        new("POST", target, Encoding.ASCII.GetBytes(body), contentType);

    /// <summary>Looks up, and offers the given answer on a miss, as the evaluator does.</summary>
    private static bool Ask(ContentScoreCache cache, in RequestContent content, float answer, out float probability)
    {
        if (cache.TryGet(content, out var hash, out probability))
        {
            return true;
        }
        cache.Offer(content, hash, answer);
        return false;
    }

    [Fact]
    public void AContent_IsRememberedOnItsSecondSighting_AndAnsweredFromMemoryOnItsThird()
    {
        var cache = new ContentScoreCache(64);
        var content = Get("/search?q=green+tea");

        Assert.False(Ask(cache, content, 0.25f, out _));
        Assert.False(Ask(cache, content, 0.25f, out _));
        Assert.True(Ask(cache, content, 0.99f, out var probability));

        Assert.Equal(0.25f, probability);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(2, cache.Misses);
    }

    [Theory]
    [InlineData("PUT", "/items?id=1", "a=1", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/items?id=2", "a=1", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/items?id=1", "a=2", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/items?id=1", "a=1", "application/json")]
    [InlineData("POST", "/items?id=1", "a=1", null)]
    [InlineData("POST", "/items?id=1", "a=1 ", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/Items?id=1", "a=1", "application/x-www-form-urlencoded")]
    public void AContentThatDiffersInAnyPart_IsNotAnsweredWithAnotherOnesScore(string method, string target, string body, string? contentType)
    {
        var cache = new ContentScoreCache(64);
        var remembered = new RequestContent("POST", "/items?id=1", Encoding.ASCII.GetBytes("a=1"), "application/x-www-form-urlencoded");
        Ask(cache, remembered, 0.1f, out _);
        Ask(cache, remembered, 0.1f, out _);
        Assert.True(cache.TryGet(remembered, out _, out _));

        var other = new RequestContent(method, target, Encoding.ASCII.GetBytes(body), contentType);

        Assert.False(cache.TryGet(other, out _, out _));
    }

    [Fact]
    public void ContentsWithTheSameHash_NeverShareAnAnswer()
    {
        // Every content lands in the one slot with the same hash: only the whole-content comparison tells them apart.
        var cache = new ContentScoreCache(1, _ => 42);
        var benign = Get("/search?q=tea");
        var attack = Get("/search?q=%27+or+1%3D1--");
        Ask(cache, benign, 0.01f, out _);
        Ask(cache, benign, 0.01f, out _);

        Assert.False(cache.TryGet(attack, out _, out _));
        Ask(cache, attack, 0.999f, out _);
        Assert.True(Ask(cache, attack, 0.5f, out var attackScore));
        Assert.Equal(0.999f, attackScore);
        // The attack's entry replaced the benign one; the benign content is asked again, not given 0.999.
        Assert.False(cache.TryGet(benign, out _, out _));
    }

    [Fact]
    public void TheRememberedBody_IsACopy_NotTheCallersBuffer()
    {
        var cache = new ContentScoreCache(64);
        var buffer = Encoding.ASCII.GetBytes("q=tea");
        var content = new RequestContent("POST", "/search", buffer, "application/x-www-form-urlencoded");
        Ask(cache, content, 0.2f, out _);
        Ask(cache, content, 0.2f, out _);

        buffer[0] = (byte)'x';

        Assert.False(cache.TryGet(content, out _, out _));
        Assert.True(cache.TryGet(Post("/search", "q=tea"), out _, out var probability));
        Assert.Equal(0.2f, probability);
    }

    [Fact]
    public void ContentLongerThanTheLimit_IsNeverRemembered()
    {
        var cache = new ContentScoreCache(64);
        var longest = Post("/s", new string('a', ContentScoreCache.MaxContentChars - "/s".Length - "text/plain".Length), "text/plain");
        var tooLong = Post("/s", new string('a', ContentScoreCache.MaxContentChars - "/s".Length - "text/plain".Length + 1), "text/plain");

        for (var i = 0; i < 3; i++)
        {
            Ask(cache, longest, 0.3f, out _);
            Ask(cache, tooLong, 0.3f, out _);
        }

        Assert.True(cache.TryGet(longest, out _, out _));
        Assert.False(cache.TryGet(tooLong, out var hash, out _));
        Assert.Equal(0, hash);
        Assert.False(ContentScoreCache.IsCacheable(tooLong));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1000, 1024)]
    [InlineData(16_384, 16_384)]
    public void Capacity_IsRoundedUpToAPowerOfTwo(int entries, int capacity) =>
        Assert.Equal(capacity, new ContentScoreCache(entries).Capacity);

    [Theory]
    [InlineData(0)]
    [InlineData(ContentScoreCache.MaxEntries + 1)]
    public void EntriesOutOfRange_Throw(int entries) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new ContentScoreCache(entries));

    [Fact]
    public void UnderConcurrentUse_EveryHitIsTheAnswerOfItsOwnContent()
    {
        // 64 contents over 8 slots, with colliding hashes, so threads replace each other's entries all the time.
        var cache = new ContentScoreCache(8, content => content.Target.Length % 8);
        var contents = Enumerable.Range(0, 64).Select(i => Get("/p?" + new string('x', i))).ToArray();
        static float AnswerOf(int i) => i / 64f;
        var wrong = 0;

        Parallel.For(0, 4, worker =>
        {
            var random = new Random(worker);
            for (var n = 0; n < 200_000; n++)
            {
                var i = random.Next(contents.Length);
                if (Ask(cache, contents[i], AnswerOf(i), out var probability) && probability != AnswerOf(i))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });

        Assert.Equal(0, wrong);
        Assert.True(cache.Hits > 0, "the contents repeat, so some lookups must have hit");
        Assert.Equal(800_000, cache.Hits + cache.Misses);
    }
}
