using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Traffic;

public sealed class WireTargetTests
{
    [Theory]
    [InlineData("/tienda1/index.jsp", "/tienda1/index.jsp")]
    [InlineData("/a/../../etc/passwd", "/a/../../etc/passwd")]
    [InlineData("/x?q='\"<>|{}", "/x?q='\"<>|{}")]
    [InlineData("/x?nombre=Jam\u00f3n", "/x?nombre=Jam%F3n")]
    [InlineData("/x?a=b c", "/x?a=b%20c")]
    [InlineData("/x?a=1#frag", "/x?a=1%23frag")]
    [InlineData("/x?a=\u0001\u007f", "/x?a=%01%7F")]
    [InlineData(".BAK", "/.BAK")]
    public void From_EscapesOnlyWhatCannotGoOnTheWireUnchanged(string recorded, string expected) =>
        Assert.Equal(expected, WireTarget.From(recorded));
}
