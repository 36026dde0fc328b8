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
        // The phone group {1, 2, 3} is tried pair by pair: 1–2 merges, 1–3 and 2–3 are refused.
        var r1 = run.Record("1");
        var r2 = run.Record("2");
        var r3 = run.Record("3");
        Assert.Equal([(1, r1, r3), (1, r2, r3)], run.Outcome.Refused.Keys.Order());
        Assert.Equal("user_id has too many unique values (2 > limit of 1)", run.Outcome.Refused[(1, r1, r3)]);
        Assert.Equal([(1, r2, r3)], run.Outcome.Added.Select(a => (a.Rule, a.Left, a.Right)));
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
}
