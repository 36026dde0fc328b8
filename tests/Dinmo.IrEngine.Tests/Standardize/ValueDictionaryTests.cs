using System.Text;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Tests.Standardize;

public sealed class ValueDictionaryTests
{
    [Fact]
    public void SameBytes_SameId()
    {
        using var values = new ValueDictionary();
        var a = values.Intern("ann@x.io"u8);
        var b = values.Intern(Encoding.UTF8.GetBytes("ann@x.io"));
        Assert.Equal(a, b);
        Assert.Equal(1, values.Count);
    }

    [Fact]
    public void DifferentBytes_DifferentIds()
    {
        using var values = new ValueDictionary();
        var ids = new[] { "a", "A", "a ", "é", "e\u0301", "" }.Select(v => values.Intern(Encoding.UTF8.GetBytes(v))).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(ids.Length, values.Count);
    }

    [Fact]
    public void Ids_FollowFirstAppearanceAndReadBack()
    {
        using var values = new ValueDictionary();
        Assert.Equal(0, values.Intern("x"u8));
        Assert.Equal(1, values.Intern("y"u8));
        Assert.Equal(0, values.Intern("x"u8));
        Assert.Equal(2, values.Intern("zoë"u8));
        Assert.True(values[1].SequenceEqual("y"u8));
        Assert.Equal("zoë", values.GetString(2));
    }

    [Fact]
    public void ManyValues_SurviveRehashes()
    {
        // 1024 initial slots at load ≤ 1/2: 50,000 values force several rehashes.
        const int count = 50_000;
        using var values = new ValueDictionary();
        for (var i = 0; i < count; i++) Assert.Equal(i, values.Intern(Encoding.UTF8.GetBytes("v" + i)));
        Assert.Equal(count, values.Count);
        var random = new Random(20240501);
        for (var k = 0; k < 2_000; k++)
        {
            var i = random.Next(count);
            Assert.Equal(i, values.Intern(Encoding.UTF8.GetBytes("v" + i)));
            Assert.Equal(i, values.Find(Encoding.UTF8.GetBytes("v" + i)));
            Assert.Equal("v" + i, values.GetString(i));
        }
        Assert.Equal(count, values.Count);
    }

    [Fact]
    public void Find_ReturnsIdOrMinusOneWithoutAdding()
    {
        using var values = new ValueDictionary();
        Assert.Equal(-1, values.Find("a"u8));
        values.Intern("a"u8);
        values.Intern("b"u8);
        Assert.Equal(0, values.Find("a"u8));
        Assert.Equal(1, values.Find("b"u8));
        Assert.Equal(-1, values.Find("c"u8));
        Assert.Equal(-1, values.Find("a "u8));
        Assert.Equal(2, values.Count);
    }

    [Fact]
    public async Task PendingFind_OnTwoThreadsAtOnce_IdsOfHeldValues_MinusOneForOthers_AddsNothing()
    {
        using var values = new ValueDictionary();
        for (var i = 0; i < 20_000; i += 2) values.Intern(Encoding.UTF8.GetBytes($"value-{i}"));
        int[] Find(int from)
        {
            var pending = new PendingValues(16);
            for (var i = from; i < from + 5_000; i++) pending.Add(Encoding.UTF8.GetBytes($"value-{i}"), values);
            var ids = new int[pending.Count];
            pending.Find(values, ids);
            return ids;
        }

        var found = (await Task.WhenAll(Task.Run(() => Find(0)), Task.Run(() => Find(5_000)))).SelectMany(ids => ids);

        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? i / 2 : -1), found);
        Assert.Equal(10_000, values.Count);
    }

    [Fact]
    public void DropIndex_KeepsValuesReadable_AndRefusesLookups()
    {
        using var values = new ValueDictionary();
        for (var i = 0; i < 5000; i++) values.Intern(Encoding.UTF8.GetBytes($"value-{i}"));

        values.DropIndex();

        Assert.Equal(5000, values.Count);
        Assert.Equal("value-4321", values.GetString(4321));
        Assert.True(values[17].SequenceEqual("value-17"u8));
        Assert.Throws<InvalidOperationException>(() => values.Intern("value-1"u8));
        Assert.Throws<InvalidOperationException>(() => values.Find("value-1"u8));
        Assert.Throws<InvalidOperationException>(() => values.Reserve(10_000, 100_000));
        Assert.Equal(5000, values.Count);
    }
}
