namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The records of one block grouped by their tuple of fuzzy values (one value set per fuzzy criterion
/// of the rule). Records of one tuple agree on every criterion, so a rule with several fuzzy criteria
/// compares distinct tuples, never record pairs. Tuples are numbered in value order; a tuple's
/// representative is its smallest record. Built per block and dropped with it.
/// </summary>
internal sealed class FuzzyValueTuples
{
    private readonly int[][][] _values;  // [tuple][criterion] value indexes, ascending
    private readonly int[] _memberStart; // tuple t's records are _members[_memberStart[t].._memberStart[t + 1]]
    private readonly int[] _members;     // records grouped by tuple, ascending inside a tuple

    private FuzzyValueTuples(int[][][] values, int[] memberStart, int[] members)
    {
        _values = values;
        _memberStart = memberStart;
        _members = members;
    }

    /// <summary>Number of distinct tuples.</summary>
    public int Count => _values.Length;

    /// <summary>The smallest record of tuple <paramref name="t"/>.</summary>
    public int Representative(int t) => _members[_memberStart[t]];

    /// <summary>The records of tuple <paramref name="t"/>, ascending (the representative first).</summary>
    public ReadOnlySpan<int> Members(int t) => _members.AsSpan(_memberStart[t], _memberStart[t + 1] - _memberStart[t]);

    /// <summary>Tuple <paramref name="t"/>'s value indexes for one criterion, ascending.</summary>
    public ReadOnlySpan<int> Values(int t, int criterion) => _values[t][criterion];

    /// <summary>Whether tuple <paramref name="t"/> has a value for every criterion (so its records match each other).</summary>
    public bool HasEveryCriterion(int t) => _values[t].All(v => v.Length > 0);

    /// <summary>Groups <paramref name="records"/> (distinct) by their value sets under every criterion.</summary>
    public static FuzzyValueTuples Group(FuzzyBlockValues[] criteria, ReadOnlySpan<int> records)
    {
        var sorted = records.ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            foreach (var criterion in criteria)
            {
                var c = criterion.ValuesOf(a).SequenceCompareTo(criterion.ValuesOf(b));
                if (c != 0) return c;
            }
            return a.CompareTo(b);
        });
        var values = new List<int[][]>();
        var starts = new List<int>();
        for (var k = 0; k < sorted.Length; k++)
        {
            if (k > 0 && SameTuple(criteria, sorted[k - 1], sorted[k])) continue;
            starts.Add(k);
            values.Add(criteria.Select(c => c.ValuesOf(sorted[k]).ToArray()).ToArray());
        }
        starts.Add(sorted.Length);
        return new FuzzyValueTuples([.. values], [.. starts], sorted);
    }

    /// <summary>
    /// Every pair of tuples (t1 &lt; t2, ascending) that shares a value of one driving criterion or carries
    /// a pair of its values in <paramref name="similar"/>: a superset of the matching pairs, since a match
    /// needs every criterion to score. The driver is the criterion that yields the fewest candidates, so
    /// a criterion whose value most tuples share (a common first name) does not make the work quadratic
    /// when another criterion tells the tuples apart.
    /// </summary>
    /// <param name="similar">Per criterion, the similar pairs (i &lt; j) of the block's distinct values.</param>
    /// <param name="valueCounts">Per criterion, the number of distinct values in the block.</param>
    public List<(int, int)> CandidatePairs(Dictionary<(int, int), double>[] similar, int[] valueCounts)
    {
        var driver = 0;
        var fewest = long.MaxValue;
        var carriers = new List<int>[similar.Length][];
        for (var c = 0; c < similar.Length; c++)
        {
            carriers[c] = Carriers(c, valueCounts[c]);
            long estimate = 0;
            foreach (var tuples in carriers[c]) estimate += (long)tuples.Count * (tuples.Count - 1) / 2;
            foreach (var (i, j) in similar[c].Keys) estimate += (long)carriers[c][i].Count * carriers[c][j].Count;
            if (estimate < fewest) (driver, fewest) = (c, estimate);
        }

        var seen = new HashSet<(int, int)>();
        var pairs = new List<(int, int)>();
        void Add(int a, int b)
        {
            if (a == b) return;
            var pair = a < b ? (a, b) : (b, a);
            if (seen.Add(pair)) pairs.Add(pair);
        }
        foreach (var tuples in carriers[driver])
        {
            for (var x = 0; x < tuples.Count; x++)
            {
                for (var y = x + 1; y < tuples.Count; y++) Add(tuples[x], tuples[y]);
            }
        }
        foreach (var (i, j) in similar[driver].Keys)
        {
            foreach (var a in carriers[driver][i])
            {
                foreach (var b in carriers[driver][j]) Add(a, b);
            }
        }
        pairs.Sort();
        return pairs;
    }

    /// <summary>The tuples carrying each value of one criterion, ascending.</summary>
    private List<int>[] Carriers(int criterion, int valueCount)
    {
        var carriers = new List<int>[valueCount];
        for (var v = 0; v < valueCount; v++) carriers[v] = [];
        for (var t = 0; t < Count; t++)
        {
            foreach (var v in _values[t][criterion]) carriers[v].Add(t);
        }
        return carriers;
    }

    private static bool SameTuple(FuzzyBlockValues[] criteria, int a, int b)
    {
        foreach (var criterion in criteria)
        {
            if (!criterion.ValuesOf(a).SequenceEqual(criterion.ValuesOf(b))) return false;
        }
        return true;
    }
}
