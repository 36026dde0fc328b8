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

    public static RuleApplicability Compute(CompiledRule[] rules, ObservationTable observations, int recordCount)
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
