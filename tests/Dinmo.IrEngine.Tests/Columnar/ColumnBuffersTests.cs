using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Tests.Columnar;

public sealed class ColumnBuffersTests
{
    [Theory]
    [InlineData(1000, 1)]
    [InlineData((int)(HugePages.MinBytes / sizeof(long)) + 12345, 1)] // pinned, with the huge-page advice
    [InlineData((5 << 20) + 3, 3)] // 40 MB: cleared in two shares of an uneven split, on up to three threads
    public void Zeroed_IsAllZeroAtItsLength(int length, int threads)
    {
        // Fill and drop arrays of the same size first, so a reused block would show stale values.
        for (var i = 0; i < 3; i++) ColumnBuffers.Zeroed<long>(length).AsSpan().Fill(-1);
        GC.Collect();
        var array = ColumnBuffers.Zeroed<long>(length, threads);
        Assert.Equal(length, array.Length);
        Assert.True(array.AsSpan().IndexOfAnyExcept(0L) < 0);
    }

    [Fact]
    public void Resize_KeepsTheValuesAndZeroesTheRest()
    {
        var array = Enumerable.Range(1, 100).ToArray();
        var large = (int)(HugePages.MinBytes / sizeof(int)) * 2;
        ColumnBuffers.Resize(ref array, large);
        Assert.Equal(large, array.Length);
        Assert.Equal(Enumerable.Range(1, 100), array[..100]);
        Assert.True(array.AsSpan(100).IndexOfAnyExcept(0) < 0);
        ColumnBuffers.Resize(ref array, 10);
        Assert.Equal(Enumerable.Range(1, 10), array);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData((int)(HugePages.MinBytes / sizeof(int)) * 2)]
    public void Grow_KeepsTheUsedValues(int length)
    {
        var array = Enumerable.Range(1, 100).ToArray();
        ColumnBuffers.Grow(ref array, length, used: 60);
        Assert.Equal(length, array.Length);
        Assert.Equal(Enumerable.Range(1, 60), array[..60]);
    }
}
