using Dinmo.IrEngine.Block;
using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Guard;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Guard;

public sealed class SkipMergePassTests
{
    private sealed record Run(SkipMergePass.Outcome Outcome, List<(int Rule, string Left, string Right)> Links, Func<int, string> Name,
        Func<string, int> Record);

    private static Run Execute(GraphBuilder builder)
    {
        using var s = builder.Policy(ConflictPolicy.SkipMerge).Standardize();
        var rules = CompiledRule.Compile(s.Graph);
        var applicability = RuleApplicability.Compute(rules, s.Observations, s.Records.Count);
        using var links = new LinkSet();
        foreach (var rule in rules) ExactRuleLinker.Link(rule, s.Observations, applicability, s.Records.Count, links);
        links.Seal();
        var union = new UnionFind(s.Records.Count);
        for (var i = 0; i < links.Count; i++) union.Union(links[i].Left, links[i].Right);
        var clusters = new ClusterAssignment(Enumerable.Range(0, s.Records.Count).Select(r => applicability.AnyRule[r] ? union.Find(r) : -1).ToArray());
        var violations = ConflictLimits.Check(s.Graph, clusters, s.Observations);
        var outcome = SkipMergePass.Run(s.Graph, clusters, violations, s.Observations, links);
        var names = Enumerable.Range(0, s.Records.Count).Select(r => s.Records.KeyString(r)!).ToArray();
        var list = Enumerable.Range(0, links.Count).Select(i => (links[i].Rule, names[links[i].Left], names[links[i].Right])).ToList();
        return new Run(outcome, list, r => names[r], key => Array.IndexOf(names, key));
    }

    private static InMemoryModel Crm() => new InMemoryModel("crm", "id", "updated_at", "user_id", "user_id2", "phone", "email")
        .Maps("user_id", "user_id", "user_id2").Maps("phone").Maps("email");

    private static GraphBuilder Graph(InMemoryModel model) => new GraphBuilder()
        .Identifier("user_id", maxUniqueValues: 1).Identifier("phone").Identifier("email")
        .Model(model)
        .ExactRule("email", "email")
        .ExactRule("phone", "phone");

    [Fact]
    public void LinkBreakingALimit_IsRefusedAndEarlierLinksKept()
    {
        var run = Execute(Graph(Crm()
            .Row("1", "1", "U1", null, "555", null)
            .Row("2", "1", "U1", null, "555", null)
            .Row("3", "1", "U2", null, "555", null)));

        Assert.Equal([(1, "1", "2"), (1, "1", "3")], run.Links);
        // The phone group {1, 2, 3}: 2 joins 1 through its star link; 3's star link is refused and 3 fits no other subgroup.
        var r1 = run.Record("1");
        var r3 = run.Record("3");
        Assert.Equal([(1, r1, r3)], run.Outcome.Refused.Keys);
        Assert.Equal("user_id has too many unique values (2 > limit of 1)", run.Outcome.Refused[(1, r1, r3)]);
        Assert.Empty(run.Outcome.Added);
        var root = run.Outcome.Root;
        Assert.Equal(root[run.Record("1")], root[run.Record("2")]);
        Assert.Equal(run.Record("3"), root[run.Record("3")]); // stays on its own, still valid
        Assert.All(run.Outcome.SelfConflict, Assert.Null);
    }

    [Fact]
    public void LinksApplyInRuleOrder()
    {
        // The email rule (first) joins 2 and 3 before the phone rule could join 1 and 2.
        var run = Execute(Graph(Crm()
            .Row("1", "1", "U1", null, "555", null)
            .Row("2", "1", null, null, "555", "e@x")
            .Row("3", "1", "U2", null, null, "e@x")));

        Assert.Equal([(0, "2", "3"), (1, "1", "2")], run.Links);
        Assert.Equal([(1, run.Record("1"), run.Record("2"))], run.Outcome.Refused.Keys);
        var root = run.Outcome.Root;
        Assert.Equal(root[run.Record("2")], root[run.Record("3")]);
        Assert.NotEqual(root[run.Record("1")], root[run.Record("2")]);
    }

    [Fact]
    public void RecordViolatingALimitByItself_IsOutAndTakesNoLink()
    {
        var run = Execute(Graph(Crm()
            .Row("1", "1", "U1", "U9", "555", null)
            .Row("2", "1", "U1", null, "555", null)
            .Row("3", "1", null, null, "555", null)));

        var self = run.Record("1");
        Assert.Equal("user_id has too many unique values (2 > limit of 1)", run.Outcome.SelfConflict[self]);
        Assert.Equal(-1, run.Outcome.Root[self]);
        // Both star links touch record 1 and are refused; 2 and 3 still share the phone, so they merge.
        Assert.Equal([(1, self, run.Record("2")), (1, self, run.Record("3"))], run.Outcome.Refused.Keys.Order());
        Assert.Equal(run.Outcome.Root[run.Record("2")], run.Outcome.Root[run.Record("3")]);
    }

    [Fact]
    public void ClusterWithinLimits_IsUntouched()
    {
        var run = Execute(Graph(Crm()
            .Row("1", "1", "U1", null, "555", null)
            .Row("2", "1", "U1", null, "555", null)
            .Row("7", "1", "U7", null, "777", null)
            .Row("8", "1", "U8", "U9", "777", null)));

        // {1, 2} keeps every limit; {7, 8} violates through record 8 alone.
        Assert.Equal(run.Record("1"), run.Outcome.Root[run.Record("2")]);
        Assert.Null(run.Outcome.SelfConflict[run.Record("1")]);
        Assert.NotNull(run.Outcome.SelfConflict[run.Record("8")]);
        Assert.Equal(run.Record("7"), run.Outcome.Root[run.Record("7")]);
        Assert.Single(run.Outcome.Refused);
    }

    [Fact]
    public void MembersRefusedByTheStar_JoinTheSubgroupSharingTheirValue()
    {
        var run = Execute(Graph(Crm()
            .Row("1", "1", "U1", null, "555", null)
            .Row("2", "1", "U2", null, "555", null)
            .Row("3", "1", "U2", null, "555", null)
            .Row("4", "1", null, null, "555", null)));

        var (r1, r2, r3, r4) = (run.Record("1"), run.Record("2"), run.Record("3"), run.Record("4"));
        // 2 and 3 are refused by 1 (U1) but carry the same U2, so 3 joins 2 through a link of its own; 4 fits the star.
        Assert.Equal([(1, r1, r2), (1, r1, r3)], run.Outcome.Refused.Keys.Order());
        Assert.Equal([(1, r2, r3)], run.Outcome.Added.Select(a => (a.Rule, a.Left, a.Right)));
        var root = run.Outcome.Root;
        Assert.Equal(root[r2], root[r3]);
        Assert.Equal(root[r1], root[r4]);
        Assert.NotEqual(root[r1], root[r2]);
    }

    [Fact]
    public void StarBreakingALimitByItself_LeavesTheRestOfTheGroupTogether()
    {
        var run = Execute(Graph(Crm()
            .Row("1", "1", "U1", "U9", "555", null)
            .Row("2", "1", "U2", null, "555", null)
            .Row("3", "1", null, null, "555", null)
            .Row("4", "1", "U2", null, "555", null)));

        var (r2, r3, r4) = (run.Record("2"), run.Record("3"), run.Record("4"));
        Assert.Equal(-1, run.Outcome.Root[run.Record("1")]);
        Assert.Equal(3, run.Outcome.Refused.Count);
        Assert.Equal([(1, r2, r3), (1, r2, r4)], run.Outcome.Added.Select(a => (a.Rule, a.Left, a.Right)));
        Assert.Equal(run.Outcome.Root[r2], run.Outcome.Root[r3]);
        Assert.Equal(run.Outcome.Root[r2], run.Outcome.Root[r4]);
    }

    [Fact]
    public void HubOfDistinctLimitedValues_AddsNoPairs()
    {
        // 2,000 records share one phone, each with its own user_id: every star link but none of the
        // ~2 million record pairs is explained, and no link is added.
        var model = Crm();
        for (var i = 0; i < 2000; i++) model.Row(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), "1", $"U{i}", null, "555", null);
        var run = Execute(Graph(model));

        Assert.Equal(1999, run.Links.Count);
        Assert.Equal(1999, run.Outcome.Refused.Count);
        Assert.Empty(run.Outcome.Added);
        Assert.Equal(2000, run.Outcome.Root.Distinct().Count());
    }
}
