using Gateway.LoadTests.SideBySide;

namespace Gateway.LoadTests.Tests.SideBySide;

public sealed class ReadinessNoteTests
{
    [Fact]
    public void Describe_GatewayReadiness_ListsStatusAndComponentStates()
    {
        const string json = """
            {"ready":true,"status":"degraded","components":{"model":{"state":"loaded","detail":"m.onnx"},"store":{"state":"fallback","detail":"circuit open"},"scoreCache":{"state":"on","detail":"16384 entries, 7 hits, 3 misses"}}}
            """;

        Assert.Equal(
            "status degraded; model loaded; store fallback (circuit open); scoreCache on (16384 entries, 7 hits, 3 misses)",
            ReadinessNote.Describe(json));
    }

    [Theory]
    [InlineData(null, "no answer")]
    [InlineData("not json", "unreadable: not json")]
    [InlineData("""{"ready":true,"status":"disabled","components":{}}""", "status disabled")]
    public void Describe_OtherAnswers_SayWhatTheyAre(string? json, string expected) =>
        Assert.Equal(expected, ReadinessNote.Describe(json));

    [Theory]
    [InlineData("""{"components":{"store":{"state":"redis","detail":"circuit closed"}}}""", true)]
    [InlineData("""{"components":{"store":{"state":"fallback","detail":"circuit open"}}}""", false)]
    [InlineData("""{"components":{"store":{"state":"in-process"}}}""", false)]
    [InlineData("""{"status":"disabled","components":{}}""", false)]
    [InlineData("garbage", false)]
    [InlineData(null, false)]
    public void IsOnRedis_OnlyWhenTheStoreSaysRedis(string? json, bool expected) =>
        Assert.Equal(expected, ReadinessNote.IsOnRedis(json));
}
