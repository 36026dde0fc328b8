using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// The flat profile-value table and its open-addressing index against plain dictionaries: random
/// attaches and merges (which remove keys from the index by shifting probe runs back) on few
/// profiles and values, so keys collide, runs wrap around the table and the index grows.
/// </summary>
public sealed class ProfileValuesTests
{
    [Fact]
    public void Index_RandomAddsAndRemoves_AgreeWithDictionary()
    {
        var random = new Random(20251202);
        var index = new ProfileValueIndex();
        var reference = new Dictionary<long, int>();
        // 3,200 keys, removed twice as often as added when drawn: ≈ 1,900 live keys in a table of 4,096
        // slots (it grows past 2,047), so probe runs are long and many wrap past the table's end.
        for (var step = 0; step < 200_000; step++)
        {
            var key = ProfileValueIndex.Key(random.Next(320), random.Next(10));
            if (random.Next(3) != 0 && reference.Remove(key)) index.Remove(key);
            else if (!reference.ContainsKey(key))
            {
                ref var entry = ref index.FindOrAdd(key, out var found);
                Assert.False(found);
                entry = step + 1;
                reference.Add(key, step);
            }
            var probe = ProfileValueIndex.Key(random.Next(320), random.Next(10));
            Assert.Equal(reference.TryGetValue(probe, out var expected) ? expected : -1, index.Find(probe));
        }
        foreach (var (key, entry) in reference) Assert.Equal(entry, index.Find(key));
    }

    [Fact]
    public void Index_ProbeRunsWrappingPastTheEnd_RemovesKeepEveryKeyFindable()
    {
        // Keys whose probes start in the last three or first two slots: their runs cross the table's end,
        // where a removal must not shift a key back before its own start slot.
        var index = new ProfileValueIndex();
        var keys = new List<long>();
        for (var profile = 0; keys.Count < 40; profile++)
        {
            var key = ProfileValueIndex.Key(profile, 1);
            if (index.HomeOf(key) is >= 4093 or <= 1) keys.Add(key);
        }
        var random = new Random(11);
        var reference = new HashSet<long>();
        for (var step = 0; step < 20_000; step++)
        {
            var key = keys[random.Next(keys.Count)];
            if (reference.Remove(key)) index.Remove(key);
            else
            {
                index.FindOrAdd(key, out _) = reference.Count + 1;
                reference.Add(key);
            }
            foreach (var k in keys) Assert.Equal(reference.Contains(k), index.Find(k) >= 0);
        }
    }

    [Fact]
    public void Merges_MoveAndFoldValues_AsPerProfileDictionariesWould()
    {
        var random = new Random(7);
        const int profiles = 400, values = 60, identifiers = 4;
        var table = new ProfileValues(leadingRanks: ProfileValues.RankBit(0));
        var reference = new Dictionary<int, long>[profiles]; // value → event count, per profile
        for (var p = 0; p < profiles; p++)
        {
            table.AddProfile();
            reference[p] = [];
        }
        var live = Enumerable.Range(0, profiles).ToList();
        for (var step = 0; step < 20_000 && live.Count > 1; step++)
        {
            var profile = live[random.Next(live.Count)];
            if (random.Next(10) > 0)
            {
                var value = random.Next(values);
                var entry = table.Attach(profile, value, value % identifiers, out var added);
                Assert.Equal(!reference[profile].ContainsKey(value), added);
                table[entry].See(step);
                reference[profile][value] = reference[profile].GetValueOrDefault(value) + 1;
                continue;
            }
            var loser = live[random.Next(live.Count)];
            if (loser == profile) continue;
            table.Merge(loser, profile);
            foreach (var (value, count) in reference[loser]) reference[profile][value] = reference[profile].GetValueOrDefault(value) + count;
            reference[loser].Clear();
            live.Remove(loser);
        }
        for (var p = 0; p < profiles; p++)
        {
            var entries = Listed(table.Of(p));
            Assert.Equal(reference[p].Count, table.Count(p));
            Assert.Equal(reference[p].OrderBy(v => v.Key), entries.Select(e => KeyValuePair.Create(table[e].Value, table[e].EventCount)).OrderBy(v => v.Key));
            foreach (var (value, _) in reference[p]) Assert.Equal(table[table.Find(p, value)].Value, value);
            // Leading identifiers (rank 0 here) come first in the chain.
            var leading = Listed(table.LeadingOf(p)).Count;
            Assert.All(entries.Take(leading), e => Assert.Equal(0, table[e].Identifier));
            Assert.All(entries.Skip(leading), e => Assert.NotEqual(0, table[e].Identifier));
        }
    }

    private static List<int> Listed(ProfileValues.Entries entries)
    {
        var list = new List<int>();
        foreach (var entry in entries) list.Add(entry);
        return list;
    }
}
