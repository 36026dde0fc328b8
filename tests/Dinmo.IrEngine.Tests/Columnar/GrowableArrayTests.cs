using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Tests.Columnar;

public sealed class GrowableArrayTests
{
    [Fact]
    public void Add_GrowsAndKeepsValues()
    {
        using var array = new GrowableArray<int>(capacity: 1);
        for (var i = 0; i < 10_000; i++) array.Add(i * 3);
        Assert.Equal(10_000, array.Count);
        Assert.Equal(29_997, array[9_999]);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i * 3), array.ToArray());
        array[5] = -1;
        Assert.Equal(-1, array.AsSpan()[5]);
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        var array = new GrowableArray<long>();
        array.Add(1);
        array.Dispose();
        array.Dispose();
        Assert.Equal(0, array.Count);
    }
}
