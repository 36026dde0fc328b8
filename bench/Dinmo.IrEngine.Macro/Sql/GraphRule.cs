namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>A matching rule: every criterion must hold for a pair of records to be linked.</summary>
internal sealed record GraphRule(string Name, IReadOnlyList<GraphCriterion> Criteria)
{
    public IEnumerable<GraphCriterion> Exact => Criteria.Where(c => !c.IsFuzzy);

    /// <summary>
    /// The rule's one fuzzy criterion, or null. The SQL translation handles at most one per rule: with
    /// one, record pairs reduce to pairs of distinct values per block; with several they do not.
    /// </summary>
    public GraphCriterion? Fuzzy
    {
        get
        {
            var fuzzy = Criteria.Where(c => c.IsFuzzy).ToList();
            if (fuzzy.Count > 1)
                throw new NotSupportedException($"rule '{Name}' has {fuzzy.Count} fuzzy criteria; the SQL translation handles one per rule");
            if (fuzzy.Count == 1 && !Exact.Any())
                throw new InvalidDataException($"rule '{Name}' has a fuzzy criterion and no exact one (SPEC §3.3 requires an anchor)");
            return fuzzy.SingleOrDefault();
        }
    }
}
