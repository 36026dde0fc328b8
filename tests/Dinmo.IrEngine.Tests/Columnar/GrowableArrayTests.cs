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
    public async Task PopulateRoom_WhileAnotherThreadAppends_ChangesNoValue()
    {
        // 32 MiB of room: pinned and advised (HugePages.MinBytes), so the room is faulted in for real where Linux allows it.
        const int capacity = 4 << 20;
        using var array = new GrowableArray<long>(capacity);
        for (var i = 0; i < 1000; i++) array.Add(i);

        var populating = Task.Run(() => array.PopulateRoom(capacity));
        // Past the capacity too: the appends may move the values to a larger array while the old one is advised.
        for (var i = 1000; i < capacity + 1000; i++) array.Add(i * 7L);
        await populating;
        array.PopulateRoom(10); // room for 10 more, where the array has grown

        Assert.Equal(capacity + 1000, array.Count);
        for (var i = 0; i < capacity + 1000; i++) Assert.Equal(i < 1000 ? i : i * 7L, array[i]);
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
