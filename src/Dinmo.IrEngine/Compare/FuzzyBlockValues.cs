using Dinmo.IrEngine.Block;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// One fuzzy criterion's values inside one block: the distinct values ordered by their bytes (so
/// pair order never depends on value ids or input order), copied contiguously for the kernel; the
/// (value, record) carriers; and the smallest record carrying each value.
/// </summary>
internal sealed class FuzzyBlockValues
{
    private readonly byte[] _utf8;
    private readonly int[] _offsets;
    private readonly Dictionary<int, List<int>> _valuesOfRecord;

    private FuzzyBlockValues(byte[] utf8, int[] offsets, int[] smallestRecord,
        List<(int Value, int Record)> carriers, Dictionary<int, List<int>> valuesOfRecord)
    {
        _utf8 = utf8;
        _offsets = offsets;
        SmallestRecord = smallestRecord;
        Carriers = carriers;
        _valuesOfRecord = valuesOfRecord;
    }

    public int DistinctCount => SmallestRecord.Length;

    /// <summary>Smallest record carrying each distinct value (by index in byte order).</summary>
    public int[] SmallestRecord { get; }

    /// <summary>Every (value index, record) in the block.</summary>
    public List<(int Value, int Record)> Carriers { get; }

    public static FuzzyBlockValues Collect(ObservationTable observations, ReadOnlySpan<int> records, CompiledCriterion criterion, List<int> scratch)
    {
        var valuesOfRecord = new Dictionary<int, List<int>>();
        var distinct = new HashSet<int>();
        foreach (var record in records)
        {
            CriterionValues.Collect(observations, record, criterion, scratch);
            valuesOfRecord[record] = [.. scratch];
            distinct.UnionWith(scratch);
        }
        var ordered = distinct.ToArray();
        Array.Sort(ordered, (a, b) => observations.Values[a].SequenceCompareTo(observations.Values[b]));
        var indexOfValue = new Dictionary<int, int>(ordered.Length);
        var offsets = new int[ordered.Length + 1];
        for (var i = 0; i < ordered.Length; i++)
        {
            indexOfValue[ordered[i]] = i;
            offsets[i + 1] = offsets[i] + observations.Values[ordered[i]].Length;
        }
        var utf8 = new byte[offsets[^1]];
        for (var i = 0; i < ordered.Length; i++) observations.Values[ordered[i]].CopyTo(utf8.AsSpan(offsets[i]));

        var smallest = new int[ordered.Length];
        Array.Fill(smallest, int.MaxValue);
        var carriers = new List<(int, int)>();
        foreach (var record in records)
        {
            var indexes = valuesOfRecord[record];
            for (var k = 0; k < indexes.Count; k++)
            {
                indexes[k] = indexOfValue[indexes[k]];
                smallest[indexes[k]] = Math.Min(smallest[indexes[k]], record);
                carriers.Add((indexes[k], record));
            }
            indexes.Sort(); // ascending value indexes: equal value sets compare equal element by element
        }
        return new FuzzyBlockValues(utf8, offsets, smallest, carriers, valuesOfRecord);
    }

    /// <summary>
    /// Every pair of distinct values (i &lt; j) scoring at least <paramref name="threshold"/>, on the
    /// active kernel path; the kernel that scored them is counted in <paramref name="usage"/>.
    /// </summary>
    public List<JaroWinklerMatch> Similar(double threshold, JaroWinklerUsage usage)
    {
        var matches = new List<JaroWinklerMatch>();
        if (DistinctCount < 2) return matches;
        var block = JaroWinklerBlock.FromUtf8(_utf8, _offsets);
        usage.Add(block);
        block.ForEachPairAtLeast(threshold, matches);
        return matches;
    }

    /// <summary>Similar pairs keyed by (i, j), i &lt; j: the per-block cache of this criterion's scores.</summary>
    public Dictionary<(int, int), double> SimilarityLookup(double threshold, JaroWinklerUsage usage) =>
        Similar(threshold, usage).ToDictionary(m => (m.I, m.J), m => m.Score);

    /// <summary>The value indexes a record of the block carries, ascending and distinct.</summary>
    public ReadOnlySpan<int> ValuesOf(int record) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_valuesOfRecord[record]);

    /// <summary>
    /// The best score of any pair of values of the two sets: 1.0 when they share a value, else the best
    /// similar pair from <paramref name="similar"/>, or -1 when none reaches the threshold.
    /// </summary>
    public static double BestScore(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Dictionary<(int, int), double> similar)
    {
        var best = -1.0;
        foreach (var va in a)
        {
            foreach (var vb in b)
            {
                if (va == vb) return 1.0;
                if (similar.TryGetValue((Math.Min(va, vb), Math.Max(va, vb)), out var score)) best = Math.Max(best, score);
            }
        }
        return best;
    }
}
