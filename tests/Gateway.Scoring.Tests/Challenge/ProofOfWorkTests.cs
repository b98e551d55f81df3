using Gateway.Scoring.Challenge;

namespace Gateway.Scoring.Tests.Challenge;

public sealed class ProofOfWorkTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0x00 }, 0)]
    [InlineData(new byte[] { 0x80, 0x00 }, 0)]
    [InlineData(new byte[] { 0x7F, 0x00 }, 1)]
    [InlineData(new byte[] { 0x01, 0x00 }, 7)]
    [InlineData(new byte[] { 0x00, 0x80 }, 8)]
    [InlineData(new byte[] { 0x00, 0x0F }, 12)]
    [InlineData(new byte[] { 0x00, 0x00 }, 16)]
    public void LeadingZeroBits_CountsFromTheMostSignificantBitOfTheFirstByte(byte[] digest, int expected)
    {
        Assert.Equal(expected, ProofOfWork.LeadingZeroBits(digest));
    }

    [Fact]
    public void KnownVector_FromAnIndependentSha256_IsVerified()
    {
        // Python: hashlib.sha256(b"gateway11762").hexdigest() == "00052331f96e..." (13 leading zero bits).
        Assert.True(ProofOfWork.Verify("gateway", "11762", 13));
        Assert.False(ProofOfWork.Verify("gateway", "11762", 14));
        Assert.Equal("11762", ProofOfWork.Solve("gateway", 12));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(12)]
    public void SolvedNonce_MeetsTheDifficulty_AndHashingTokenPlusNonceProvesIt(int bits)
    {
        const string token = "AQAAAABrAXb6.TQ9gf73pkgZcxPnkcwHBAtfjllefOQuIa0Q0wW4MNx8";
        var nonce = ProofOfWork.Solve(token, bits);

        Assert.True(ProofOfWork.Verify(token, nonce, bits));
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token + nonce));
        Assert.True(ProofOfWork.LeadingZeroBits(digest) >= bits);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1234567890123456", true)]
    [InlineData("12345678901234567", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("12a", false)]
    [InlineData("\u0661", false)] // Arabic-Indic one: a digit to char.IsDigit, not to the puzzle
    public void Nonce_IsOneToSixteenAsciiDigits(string? nonce, bool valid)
    {
        Assert.Equal(valid, ProofOfWork.IsValidNonce(nonce));
    }
}
