using Dinmo.IrEngine.Block;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Block;

public sealed class RuleApplicabilityTests
{
    private static GraphBuilder Graph() => new GraphBuilder()
        .Identifier(new IdentifierConfig { Name = "email", BlockedValues = ["test@test.com"] })
        .Identifier("phone")
        .Identifier("last_name")
        .Model(new InMemoryModel("crm", "id", "updated_at", "email", "phone", "last_name").Maps("email").Maps("phone").Maps("last_name")
            .Row("all", "1", "a@x", "1", "doe")
            .Row("email_only", "1", "a@x", null, null)
            .Row("phone_only", "1", null, "1", null)
            .Row("blocked_email", "1", "TEST@test.com", null, "doe")
            .Row("blank", "1", " ", null, null)
            .Row("name_only", "1", null, null, "doe"))
        .ExactRule("email", "email")
        .Rule("phone + name", GraphBuilder.Exact("phone"), GraphBuilder.Fuzzy("last_name"));

    [Theory]
    [InlineData("all", true, true)]
    [InlineData("email_only", true, false)]
    [InlineData("phone_only", false, false)]
    [InlineData("blocked_email", false, false)]
    [InlineData("blank", false, false)]
    [InlineData("name_only", false, false)]
    public void Record_IsApplicableWhenEveryCriterionHasAUsableValue(string key, bool emailRule, bool phoneNameRule)
    {
        using var s = Graph().Standardize();
        var rules = CompiledRule.Compile(s.Graph);
        var applicability = RuleApplicability.Compute(rules, s.Observations, s.Records.Count);
        var r = s.Record("crm", key);

        Assert.Equal(emailRule, applicability.IsApplicable(0, r));
        Assert.Equal(phoneNameRule, applicability.IsApplicable(1, r));
        Assert.Equal(emailRule || phoneNameRule, applicability.AnyRule[r]);
    }

    [Fact]
    public void CountApplicable_CountsRecordsPerRule()
    {
        using var s = Graph().Standardize();
        var rules = CompiledRule.Compile(s.Graph);
        var applicability = RuleApplicability.Compute(rules, s.Observations, s.Records.Count);

        Assert.Equal(2, applicability.CountApplicable(0));
        Assert.Equal(1, applicability.CountApplicable(1));
    }

    [Fact]
    public void MultiIdentifierCriterion_AnyOfItsIdentifiersCounts()
    {
        var graph = new GraphBuilder().Identifier("email").Identifier("work_email")
            .Model(new InMemoryModel("hr", "id", "updated_at", "work_email").Maps("work_email").Row("1", "1", "w@x").Row("2", "1", null))
            .Rule("any email", GraphBuilder.Exact("email", "work_email"));
        using var s = graph.Standardize();
        var applicability = RuleApplicability.Compute(CompiledRule.Compile(s.Graph), s.Observations, s.Records.Count);

        Assert.True(applicability.IsApplicable(0, s.Record("hr", "1")));
        Assert.False(applicability.IsApplicable(0, s.Record("hr", "2")));
    }

    [Fact]
    public void MaskPath_InSmallChunksOnTwoThreads_EqualsTheScan()
    {
        var random = new Random(5);
        var model = new InMemoryModel("crm", "id", "updated_at", "email", "phone", "last_name").Maps("email").Maps("phone").Maps("last_name");
        string? Maybe(string value) => random.Next(3) == 0 ? null : random.Next(8) == 0 ? "test@test.com" : value;
        for (var i = 0; i < 200; i++) model.Row($"k{i:D3}", "1", Maybe($"e{i}@x"), Maybe($"{i}"), Maybe($"n{i}"));
        var graph = new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", BlockedValues = ["test@test.com"] })
            .Identifier("phone")
            .Identifier("last_name")
            .Model(model)
            .ExactRule("email", "email")
            .Rule("phone + name", GraphBuilder.Exact("phone"), GraphBuilder.Fuzzy("last_name"))
            .Rule("email or phone", GraphBuilder.Exact("email", "phone"));
        using var s = graph.Standardize();
        var rules = CompiledRule.Compile(s.Graph);
        var scan = RuleApplicability.ComputeByScan(rules, s.Observations, s.Records.Count);
        var mask = RuleApplicability.Compute(rules, s.Observations, s.Records.Count, threads: 2, chunkRecords: 7);

        Assert.Contains(true, scan.AnyRule);
        Assert.Contains(false, scan.AnyRule);
        for (var r = 0; r < s.Records.Count; r++)
        {
            Assert.Equal(scan.AnyRule[r], mask.AnyRule[r]);
            foreach (var rule in rules) Assert.Equal(scan.IsApplicable(rule.Index, r), mask.IsApplicable(rule.Index, r));
        }
    }
}
