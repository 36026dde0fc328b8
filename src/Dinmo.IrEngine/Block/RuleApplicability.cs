using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Block;

/// <summary>
/// Which records can take part in which rules: a record is applicable to a rule when it has at least
/// one usable observation for every criterion of the rule (SPEC §3.3). A record applicable to no
/// rule is unresolved as <c>missing_identifiers</c> (SPEC §4.3).
/// </summary>
internal sealed class RuleApplicability
{
    private readonly bool[][] _applicable;

    private RuleApplicability(bool[][] applicable, bool[] any)
    {
        _applicable = applicable;
        AnyRule = any;
    }

    /// <summary>AnyRule[r]: record r is applicable to at least one rule.</summary>
    public bool[] AnyRule { get; }

    public bool IsApplicable(int rule, int record) => _applicable[rule][record];

    public int CountApplicable(int rule) => _applicable[rule].Count(x => x);

    /// <summary>Records are decided in parallel chunks of this many; each record's flags are its own, so threads never change them.</summary>
    private const int ChunkRecords = 1 << 14;

    /// <summary>
    /// Up to 64 identifiers, each record's usable identifiers become one bit mask and a criterion
    /// holds when it shares a bit with it; with more identifiers, each criterion scans the record's
    /// observations (<see cref="ComputeByScan"/>, the reference the mask path is tested against).
    /// </summary>
    public static RuleApplicability Compute(CompiledRule[] rules, ObservationTable observations, int recordCount, int threads = 1,
        int chunkRecords = ChunkRecords)
    {
        var identifiers = rules.SelectMany(r => r.All).Select(c => c.Uses.Length).DefaultIfEmpty(0).Max();
        if (identifiers > 64) return ComputeByScan(rules, observations, recordCount);
        var criteria = rules.Select(rule => rule.All.Select(c => Mask(c.Uses)).ToArray()).ToArray();
        var applicable = rules.Select(_ => new bool[recordCount]).ToArray();
        var any = new bool[recordCount];
        ParallelChunks.For(recordCount, chunkRecords, threads, (_, start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                var usable = 0UL;
                foreach (var o in observations.OfRecord(r))
                {
                    if (observations.IsUsable(o)) usable |= 1UL << observations.Identifier[o];
                }
                if (usable == 0) continue;
                for (var k = 0; k < criteria.Length; k++)
                {
                    var all = true;
                    foreach (var criterion in criteria[k]) all &= (criterion & usable) != 0;
                    applicable[rules[k].Index][r] = all;
                    any[r] |= all;
                }
            }
        });
        return new RuleApplicability(applicable, any);
    }

    private static ulong Mask(bool[] uses)
    {
        var mask = 0UL;
        for (var i = 0; i < uses.Length; i++) if (uses[i]) mask |= 1UL << i;
        return mask;
    }

    /// <summary>The one-thread scan: for every rule and criterion, the record's observations.</summary>
    internal static RuleApplicability ComputeByScan(CompiledRule[] rules, ObservationTable observations, int recordCount)
    {
        var applicable = rules.Select(_ => new bool[recordCount]).ToArray();
        var any = new bool[recordCount];
        for (var r = 0; r < recordCount; r++)
        {
            var observed = observations.OfRecord(r);
            if (observed.IsEmpty) continue;
            foreach (var rule in rules)
            {
                var all = true;
                foreach (var criterion in rule.All)
                {
                    if (!HasUsable(observations, observed, criterion)) { all = false; break; }
                }
                applicable[rule.Index][r] = all;
                any[r] |= all;
            }
        }
        return new RuleApplicability(applicable, any);
    }

    private static bool HasUsable(ObservationTable observations, ReadOnlySpan<int> observed, CompiledCriterion criterion)
    {
        foreach (var o in observed)
        {
            if (observations.IsUsable(o) && criterion.Uses[observations.Identifier[o]]) return true;
        }
        return false;
    }
}
