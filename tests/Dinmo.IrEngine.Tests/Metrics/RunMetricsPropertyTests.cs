using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Metrics;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Tests.Resolution;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Metrics;

/// <summary>
/// SPEC §7 on random tables, under both conflict policies: the four buckets add up to the records
/// read and agree with the record statuses; per rule, exclusive ≤ linked ≤ applicable.
/// </summary>
public sealed class RunMetricsPropertyTests
{
    [Property(MaxTest = 100)]
    public Property Buckets_AddUpToRecords_AndRuleCountsNest() => Prop.ForAll(RandomPeople.Tables(), Gen.Elements(false, true).ToArbitrary(), (people, skipMerge) =>
    {
        var graph = RandomPeople.Graph() with
        {
            ConflictPolicy = skipMerge ? ConflictPolicy.SkipMerge : ConflictPolicy.ExcludeCluster,
            Identifiers =
            [
                new IdentifierConfig { Name = "email", Standardize = [], MaxUniqueValues = 1 },
                new IdentifierConfig { Name = "phone", Standardize = [] },
                new IdentifierConfig { Name = "name", Standardize = [] },
            ],
        };
        using var loaded = RecordLoader.Load(graph, [RandomPeople.Input(graph, people)]);
        using var result = Resolver.Resolve(graph, loaded, new StageClock());
        var metrics = RunMetricsCalculator.Compute(result);
        double Value(string scope, string value, string metric) =>
            metrics.Rows.Single(r => r.ScopeType == scope && r.ScopeValue == value && r.Metric == metric).Value;

        var addsUp = metrics.Records == people.Length
            && metrics.Unique + metrics.Matched + metrics.Conflict + metrics.Missing == metrics.Records
            && metrics.Matched == result.Status.Count(s => s == ResolutionStatus.Matched)
            && metrics.Conflict == result.Status.Count(s => s == ResolutionStatus.Conflict)
            && Value("model", "people", "records") == people.Length;
        var nests = graph.Rules.All(rule =>
            Value("rule", rule.Name, "exclusive_records") <= Value("rule", rule.Name, "linked_records")
            && Value("rule", rule.Name, "linked_records") <= Value("rule", rule.Name, "applicable_records")
            && Value("rule", rule.Name, "linked_records") <= metrics.Matched);
        return addsUp && nests;
    });
}
