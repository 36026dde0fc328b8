using System.Text;
using Dinmo.IrEngine.Block;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Block;

public sealed class CandidateBlocksTests
{
    /// <summary>Every candidate group of rule 0 as (key values joined by "|", member "model/key"s).</summary>
    private static List<(string Key, string[] Members)> Blocks(GraphBuilder builder, int rule = 0)
    {
        using var s = builder.Standardize();
        var rules = CompiledRule.Compile(s.Graph);
        var applicability = RuleApplicability.Compute(rules, s.Observations, s.Records.Count);
        var blocks = new List<(string, string[])>();
        CandidateBlocks.ForEach(rules[rule], s.Observations, applicability, s.Records.Count, (key, records) =>
        {
            var text = string.Join("|", key.ToArray().Select(v => Encoding.UTF8.GetString(s.Observations.Values[v])));
            blocks.Add((text, records.ToArray().Select(r => s.Records.ModelName(r) + "/" + s.Records.KeyString(r)).ToArray()));
        });
        return blocks.OrderBy(b => b.Item1, StringComparer.Ordinal).ToList();
    }

    private static InMemoryModel Crm() => new InMemoryModel("crm", "id", "updated_at", "email", "email2", "phone")
        .Maps("email", "email", "email2").Maps("phone");

    [Fact]
    public void SingleExactCriterion_GroupsRecordsSharingAValue()
    {
        var blocks = Blocks(new GraphBuilder().Identifier("email").Identifier("phone")
            .Model(Crm()
                .Row("1", "1", "a@x", null, null)
                .Row("2", "1", "A@X", null, null)
                .Row("3", "1", "b@x", null, null)
                .Row("4", "1", " a@x", null, null))
            .ExactRule("email", "email"));

        var block = Assert.Single(blocks); // b@x alone makes no group
        Assert.Equal("a@x", block.Key);
        Assert.Equal(["crm/1", "crm/2", "crm/4"], block.Members);
    }

    [Fact]
    public void RecordCarryingValueTwice_IsOneMember()
    {
        var blocks = Blocks(new GraphBuilder().Identifier("email").Identifier("phone")
            .Model(Crm().Row("1", "1", "a@x", "a@x", null).Row("2", "1", "a@x", null, null))
            .ExactRule("email", "email"));

        Assert.Equal(["crm/1", "crm/2"], Assert.Single(blocks).Members);
    }

    [Fact]
    public void MultipleExactCriteria_RequireEveryValueShared()
    {
        var blocks = Blocks(new GraphBuilder().Identifier("email").Identifier("phone")
            .Model(Crm()
                .Row("1", "1", "a@x", null, "1")
                .Row("2", "1", "a@x", null, "1")
                .Row("3", "1", "a@x", null, "2")
                .Row("4", "1", "a@x", null, null)
                .Row("5", "1", "b@x", null, "1"))
            .ExactRule("email and phone", "email", "phone"));

        var block = Assert.Single(blocks);
        Assert.Equal("a@x|1", block.Key);
        Assert.Equal(["crm/1", "crm/2"], block.Members);
    }

    [Fact]
    public void SeveralValuesPerCriterion_FormTheCartesianProduct()
    {
        var blocks = Blocks(new GraphBuilder().Identifier("email").Identifier("phone")
            .Model(new InMemoryModel("crm", "id", "updated_at", "email", "email2", "phone", "phone2")
                .Maps("email", "email", "email2").Maps("phone", "phone", "phone2")
                .Row("1", "1", "a@x", "b@x", "1", "2")
                .Row("2", "1", "b@x", null, "2", null)
                .Row("3", "1", "a@x", null, "2", null)
                .Row("4", "1", null, "b@x", null, "1")
                .Row("5", "1", "a@x", null, "9", null))
            .ExactRule("email and phone", "email", "phone"));

        Assert.Equal(
            [("a@x|2", ["crm/1", "crm/3"]), ("b@x|1", ["crm/1", "crm/4"]), ("b@x|2", ["crm/1", "crm/2"])],
            blocks.Select(b => (b.Key, b.Members)).ToList(), new BlockComparer());
    }

    [Fact]
    public void MultiIdentifierCriterion_LinksEmailToWorkEmail()
    {
        var crm = new InMemoryModel("crm", "id", "updated_at", "email").Maps("email");
        var hr = new InMemoryModel("hr", "id", "updated_at", "work_email").Maps("work_email");
        var blocks = Blocks(new GraphBuilder().Identifier("email").Identifier("work_email")
            .Model(crm.Row("1", "1", "Ann@corp.io").Row("2", "1", "bob@corp.io"))
            .Model(hr.Row("7", "1", "ann@corp.io").Row("8", "1", "eve@corp.io"))
            .Rule("any email", GraphBuilder.Exact("email", "work_email")));

        var block = Assert.Single(blocks);
        Assert.Equal("ann@corp.io", block.Key);
        Assert.Equal(["crm/1", "hr/7"], block.Members);
    }

    [Fact]
    public void SameValueOfUnrelatedIdentifier_DoesNotBlock()
    {
        var blocks = Blocks(new GraphBuilder().Identifier("email").Identifier("phone")
            .Model(Crm().Row("1", "1", "12", null, null).Row("2", "1", null, null, "12"))
            .ExactRule("email", "email"));

        Assert.Empty(blocks);
    }

    [Fact]
    public void BlockedValues_FormNoGroup()
    {
        var blocks = Blocks(new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", BlockedValues = ["test@test.com"] }).Identifier("phone")
            .Model(Crm().Row("1", "1", "test@test.com", "a@x", null).Row("2", "1", "test@test.com", null, null).Row("3", "1", "a@x", null, null))
            .ExactRule("email", "email"));

        var block = Assert.Single(blocks);
        Assert.Equal("a@x", block.Key);
        Assert.Equal(["crm/1", "crm/3"], block.Members);
    }

    private sealed class BlockComparer : IEqualityComparer<(string Key, string[] Members)>
    {
        public bool Equals((string Key, string[] Members) x, (string Key, string[] Members) y) => x.Key == y.Key && x.Members.SequenceEqual(y.Members);
        public int GetHashCode((string Key, string[] Members) obj) => obj.Key.Length;
    }
}
