using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Block;

/// <summary>
/// Groups a rule's applicable records by blocking key: the tuple of one value per exact criterion.
/// A record with several values per criterion gets every combination (records share a key exactly
/// when they share a value for every exact criterion). Keys are compared as value-id tuples, never
/// by hash, so grouping is exact; they are grouped by a radix sort (<see cref="KeyGrouping"/>).
/// Blocks come out in key order with their records ascending.
/// </summary>
internal static class CandidateBlocks
{
    /// <summary>Receives one candidate group: its key (one value id per exact criterion) and its records, ascending, distinct.</summary>
    public delegate void BlockHandler(ReadOnlySpan<int> key, ReadOnlySpan<int> records);

    public static void ForEach(CompiledRule rule, ObservationTable observations, RuleApplicability applicability,
        int recordCount, BlockHandler handle)
    {
        var stride = rule.Exact.Length;
        // Most records give one key: sized for that, the columns rarely grow (each doubling faults in fresh pages).
        var applicable = applicability.CountApplicable(rule.Index);
        using var keys = new GrowableArray<int>(applicable * stride);
        using var owners = new GrowableArray<int>(applicable);
        var perCriterion = rule.Exact.Select(_ => new List<int>()).ToArray();
        Span<int> cursor = stackalloc int[stride];
        for (var r = 0; r < recordCount; r++)
        {
            if (!applicability.IsApplicable(rule.Index, r)) continue;
            for (var c = 0; c < stride; c++) CriterionValues.Collect(observations, r, rule.Exact[c], perCriterion[c]);
            // Cartesian product of the criteria's values, odometer style.
            cursor.Clear();
            while (true)
            {
                for (var c = 0; c < stride; c++) keys.Add(perCriterion[c][cursor[c]]);
                owners.Add(r);
                var c2 = stride - 1;
                while (c2 >= 0 && ++cursor[c2] == perCriterion[c2].Count) cursor[c2--] = 0;
                if (c2 < 0) break;
            }
        }

        var keyArray = keys.AsSpan();
        var ownerArray = owners.AsSpan();
        // Entries were added in record order, and the radix sort is stable, so within a block the
        // records come out ascending.
        var entries = KeyGrouping.Radix(keyArray, stride, observations.Values.Count);

        var members = new List<int>();
        var start = 0;
        while (start < entries.Length)
        {
            var key = keyArray.Slice(entries[start] * stride, stride);
            var end = start;
            members.Clear();
            while (end < entries.Length && keyArray.Slice(entries[end] * stride, stride).SequenceEqual(key))
            {
                var owner = ownerArray[entries[end]];
                if (members.Count == 0 || members[^1] != owner) members.Add(owner);
                end++;
            }
            if (members.Count > 1) handle(key, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(members));
            start = end;
        }
    }
}
