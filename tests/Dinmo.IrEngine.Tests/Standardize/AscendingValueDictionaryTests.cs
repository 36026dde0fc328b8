using System.Text;
using Dinmo.IrEngine.Standardize;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Standardize;

/// <summary>
/// <see cref="ValueDictionary.ForAscending"/> holds no table while values come in ascending order and builds one at
/// the first that does not: its ids and lookups must be those of the hashed dictionary, its reference, whatever the order.
/// </summary>
public sealed class AscendingValueDictionaryTests
{
    [Property(MaxTest = 200)]
    public void AnySequence_SameIdsAndLookupsAsTheHashedDictionary(int seed)
    {
        var random = new Random(seed);
        var values = Sequence(random);
        using var hashed = new ValueDictionary();
        using var ascending = ValueDictionary.ForAscending();
        var pending = new PendingValues(8);
        var ids = new int[values.Length];
        for (var start = 0; start < values.Length;)
        {
            // Reservations at any point (before or after the table is built), and values one by one or a run at a time.
            if (random.Next(8) == 0) ascending.Reserve(random.Next(1, 5_000), random.Next(1, 50_000));
            if (random.Next(8) == 0) ascending.ReserveColumns(random.Next(1, 5_000), random.Next(1, 50_000));
            var end = Math.Min(values.Length, start + random.Next(1, 20));
            if (random.Next(2) == 0)
            {
                for (var i = start; i < end; i++) Assert.Equal(hashed.Intern(values[i]), ascending.Intern(values[i]));
            }
            else
            {
                pending.Clear();
                for (var i = start; i < end; i++) pending.Add(values[i], ascending);
                pending.Intern(ascending, ids.AsSpan(start, end - start));
                for (var i = start; i < end; i++) Assert.Equal(hashed.Intern(values[i]), ids[i]);
            }
            start = end;
        }

        Assert.Equal(hashed.Count, ascending.Count);
        for (var id = 0; id < hashed.Count; id++) Assert.True(hashed[id].SequenceEqual(ascending[id]));
        foreach (var probe in values.Concat(Sequence(random)))
            Assert.Equal(hashed.Find(probe), ascending.Find(probe));
    }

    [Fact]
    public void AscendingValues_FoundByBinarySearch_MissingOnesAndValuesBetweenNot()
    {
        using var keys = ValueDictionary.ForAscending();
        for (var i = 0; i < 1000; i++) Assert.Equal(i, keys.Intern(Encoding.UTF8.GetBytes($"pv{i * 2:D10}")));

        Assert.Equal(0, keys.Find("pv0000000000"u8));
        Assert.Equal(999, keys.Find("pv0000001998"u8));
        Assert.Equal(-1, keys.Find("pv0000000001"u8)); // between two held values
        Assert.Equal(-1, keys.Find("pu"u8)); // before the first
        Assert.Equal(-1, keys.Find("pw"u8)); // after the last
    }

    [Fact]
    public void ARepeatAfterAscendingValues_GetsItsFirstId_AndLaterValuesGoOnThroughTheTable()
    {
        using var keys = ValueDictionary.ForAscending();
        keys.Reserve(10_000, 100_000);
        for (var i = 0; i < 5000; i++) keys.Intern(Encoding.UTF8.GetBytes($"k{i:D6}"));

        Assert.Equal(1234, keys.Intern("k001234"u8)); // not above the last: the table is built here
        Assert.Equal(5000, keys.Intern("a"u8));
        Assert.Equal(5001, keys.Intern("k999999"u8));
        Assert.Equal(5000, keys.Intern("a"u8));
        Assert.Equal(4999, keys.Find("k004999"u8));
        Assert.Equal(5002, keys.Count);
    }

    [Fact]
    public void InByteOrder_WhileValuesAscend_UntilOneDoesNot()
    {
        using var keys = ValueDictionary.ForAscending();
        Assert.True(keys.InByteOrder);
        keys.Intern("a"u8);
        keys.Intern("b"u8);
        Assert.True(keys.InByteOrder);

        keys.Intern("b"u8);

        Assert.False(keys.InByteOrder);
        using var hashed = new ValueDictionary();
        Assert.False(hashed.InByteOrder);
    }

    [Fact]
    public void CollidingHashes_AfterTheTableIsBuilt_NeverMergeValues()
    {
        using var keys = ValueDictionary.ForAscending(static _ => 42UL);
        var ids = new[] { "a", "b", "c", "b", "d", "a", "e" }.Select(v => keys.Intern(Encoding.UTF8.GetBytes(v))).ToArray();

        Assert.Equal([0, 1, 2, 1, 3, 0, 4], ids);
        Assert.Equal(2, keys.Find("c"u8));
        Assert.Equal(-1, keys.Find("z"u8));
    }

    [Fact]
    public void PendingValues_InternAscendingThenNot_SameIdsAsOneByOne()
    {
        using var keys = ValueDictionary.ForAscending();
        using var reference = new ValueDictionary();
        string[] batch = ["e1", "e2", "e3", "e2", "e0", "e4", "e4", "e5"];
        var pending = new PendingValues(4);
        foreach (var key in batch) pending.Add(Encoding.UTF8.GetBytes(key), keys);
        var ids = new int[pending.Count];

        pending.Intern(keys, ids);

        Assert.Equal(batch.Select(key => reference.Intern(Encoding.UTF8.GetBytes(key))), ids);
    }

    [Fact]
    public void DropIndex_WhileAscending_KeepsValuesReadable_AndRefusesLookups()
    {
        using var keys = ValueDictionary.ForAscending();
        for (var i = 0; i < 100; i++) keys.Intern(Encoding.UTF8.GetBytes($"k{i:D3}"));

        keys.DropIndex();

        Assert.Equal("k042", keys.GetString(42));
        Assert.Throws<InvalidOperationException>(() => keys.Intern("k100"u8));
        Assert.Throws<InvalidOperationException>(() => keys.Find("k001"u8));
    }

    /// <summary>Short values over a small alphabet (repeats and prefixes of each other), ascending for a while, sometimes throughout.</summary>
    private static byte[][] Sequence(Random random)
    {
        var count = random.Next(0, 400);
        var values = Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, random.Next(0, 5)).Select(_ => (byte)"abé\0"[random.Next(4)]).ToArray())
            .ToList();
        var sortedPrefix = random.Next(0, count + 1);
        values.Sort(0, sortedPrefix, Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y)));
        if (random.Next(3) == 0) values = values.Distinct(new BytesComparer()).Order(Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ToList();
        return [.. values];
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] value) => value.Length == 0 ? 0 : value[0] * 31 + value.Length;
    }
}
