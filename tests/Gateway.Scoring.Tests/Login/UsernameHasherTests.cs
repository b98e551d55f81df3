using Gateway.Scoring.Login;

namespace Gateway.Scoring.Tests.Login;

public sealed class UsernameHasherTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Hash_IgnoresCaseAndSurroundingSpace()
    {
        var hasher = new UsernameHasher(Key);

        Assert.Equal(hasher.Hash("alice@example.com"), hasher.Hash("  Alice@Example.COM "));
    }

    [Fact]
    public void Hash_NeverContainsTheUsername_AndDependsOnTheKey()
    {
        var hashed = new UsernameHasher(Key).Hash("alice")!.Value;
        var otherKey = new UsernameHasher([.. Key.Reverse()]).Hash("alice")!.Value;

        Assert.DoesNotContain("alice", hashed.Id, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(32, hashed.Id.Length);
        Assert.NotEqual(hashed.Id, otherKey.Id);
        Assert.NotEqual(0UL, hashed.Member);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Hash_OfNoUsername_IsNull(string? username) => Assert.Null(new UsernameHasher(Key).Hash(username));

    [Fact]
    public void Normalize_BoundsTheLength() =>
        Assert.Equal(UsernameHasher.MaxLength, UsernameHasher.Normalize(new string('A', 10_000)).Length);
}
