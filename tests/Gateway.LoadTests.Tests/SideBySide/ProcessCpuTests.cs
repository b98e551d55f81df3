using Gateway.LoadTests.SideBySide;

namespace Gateway.LoadTests.Tests.SideBySide;

public sealed class ProcessCpuTests
{
    [Fact]
    public void Parse_AddsUserAndSystemTicks_AfterANameWithSpacesAndParentheses()
    {
        const string stat = "4242 (dotnet (x) y) S 1 4242 4242 0 -1 4194560 9000 0 0 0 250 50 0 0 20 0 30 0 100 3000000 5000 18446744073709551615";

        Assert.Equal(3.0, ProcessCpu.Parse(stat));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4242 (dotnet) S 1 2")]
    [InlineData("4242 (dotnet) S 1 4242 4242 0 -1 4194560 9000 0 0 0 x 50 0")]
    public void Parse_Unreadable_IsNull(string stat) => Assert.Null(ProcessCpu.Parse(stat));

    [Fact]
    public void Seconds_OfThisProcess_IsPositive() => Assert.True(ProcessCpu.Seconds(Environment.ProcessId) > 0);
}
