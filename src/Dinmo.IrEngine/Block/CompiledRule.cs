using Dinmo.IrEngine.Config;
using MatchType = Dinmo.IrEngine.Config.MatchType;

namespace Dinmo.IrEngine.Block;

/// <summary>A rule resolved against identifier indexes: its exact criteria (the blocking key) and its fuzzy ones.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(int index, RuleConfig config, IReadOnlyList<IdentifierConfig> identifiers)
    {
        Index = index;
        Config = config;
        var compiled = config.Criteria.Select(c => new CompiledCriterion(c, identifiers)).ToArray();
        Exact = compiled.Where(c => c.Match == MatchType.Exact).ToArray();
        Fuzzy = compiled.Where(c => c.Match != MatchType.Exact).ToArray();
    }

    /// <summary>Position in config order.</summary>
    public int Index { get; }
    public RuleConfig Config { get; }
    public CompiledCriterion[] Exact { get; }
    public CompiledCriterion[] Fuzzy { get; }

    public IEnumerable<CompiledCriterion> All => Exact.Concat(Fuzzy);

    public static CompiledRule[] Compile(IdentityGraph graph) =>
        graph.Rules.Select((r, i) => new CompiledRule(i, r, graph.Identifiers)).ToArray();
}

/// <summary>One criterion with its identifiers as a mask over identifier indexes.</summary>
internal sealed class CompiledCriterion
{
    public CompiledCriterion(CriterionConfig config, IReadOnlyList<IdentifierConfig> identifiers)
    {
        Config = config;
        Uses = identifiers.Select(i => config.Identifiers.Contains(i.Name)).ToArray();
    }

    public CriterionConfig Config { get; }
    public MatchType Match => Config.Match;
    public double Threshold => Config.EffectiveThreshold;

    /// <summary>Uses[i] is true when identifier i (config order) belongs to this criterion.</summary>
    public bool[] Uses { get; }
}
