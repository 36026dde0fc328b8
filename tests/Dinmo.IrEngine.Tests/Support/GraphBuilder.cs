using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Standardize;
using MatchType = Dinmo.IrEngine.Config.MatchType;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>
/// Builds an <see cref="IdentityGraph"/> with in-memory models for stage tests, and runs ingest,
/// standardization or the whole resolution on it without touching the file system.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly List<IdentifierConfig> _identifiers = [];
    private readonly List<InMemoryModel> _models = [];
    private readonly List<RuleConfig> _rules = [];
    private GoldenConfig? _golden;
    private ConflictPolicy _policy = ConflictPolicy.ExcludeCluster;
    private int _maxFuzzyBlockValues = IdentityGraph.DefaultMaxFuzzyBlockValues;

    public GraphBuilder Identifier(string name, int? maxUniqueValues = null, StandardizeStep[]? steps = null)
        => Identifier(new IdentifierConfig { Name = name, MaxUniqueValues = maxUniqueValues, Standardize = steps ?? IdentifierConfig.DefaultSteps });

    public GraphBuilder Identifier(IdentifierConfig identifier)
    {
        _identifiers.Add(identifier);
        return this;
    }

    public GraphBuilder Model(InMemoryModel model)
    {
        _models.Add(model);
        return this;
    }

    /// <summary>A rule with one exact criterion per identifier listed.</summary>
    public GraphBuilder ExactRule(string name, params string[] identifiers)
        => Rule(name, identifiers.Select(i => new CriterionConfig { Identifiers = [i] }).ToArray());

    public GraphBuilder Rule(string name, params CriterionConfig[] criteria)
    {
        _rules.Add(new RuleConfig { Id = "r" + (_rules.Count + 1), Name = name, Criteria = criteria });
        return this;
    }

    public static CriterionConfig Exact(params string[] identifiers) => new() { Identifiers = identifiers };

    public static CriterionConfig Fuzzy(params string[] identifiers) => new() { Identifiers = identifiers, Match = MatchType.FuzzyStrong };

    public GraphBuilder Golden(GoldenConfig golden)
    {
        _golden = golden;
        return this;
    }

    public GraphBuilder Policy(ConflictPolicy policy)
    {
        _policy = policy;
        return this;
    }

    public GraphBuilder MaxFuzzyBlockValues(int max)
    {
        _maxFuzzyBlockValues = max;
        return this;
    }

    public IdentityGraph Graph => new()
    {
        Project = "test",
        Models = _models.Select(m => m.Config).ToArray(),
        Identifiers = [.. _identifiers],
        Rules = [.. _rules],
        Golden = _golden,
        ConflictPolicy = _policy,
        MaxFuzzyBlockValues = _maxFuzzyBlockValues,
        Source = ConfigSource.InMemory("test.json"),
    };

    public LoadedRecords Load() => RecordLoader.Load(Graph, _models.Select(m => m.Input).ToArray());

    /// <summary>Ingest and standardization; the caller disposes the result.</summary>
    public Standardized Standardize()
    {
        var graph = Graph;
        var loaded = RecordLoader.Load(graph, _models.Select(m => m.Input).ToArray());
        return new Standardized(graph, loaded, ObservationBuilder.Build(graph, loaded));
    }

    /// <summary>The whole resolution in memory; the caller disposes the result.</summary>
    public Resolved Resolve()
    {
        var graph = Graph;
        var loaded = RecordLoader.Load(graph, _models.Select(m => m.Input).ToArray());
        return new Resolved(loaded, Resolver.Resolve(graph, loaded, new StageClock()));
    }
}
