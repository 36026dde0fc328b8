using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Guard;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Guard;

public sealed class ConflictLimitsTests
{
    /// <summary>SPEC §4.5: limits user_id = 1, email = 2; three records share a phone.</summary>
    internal static GraphBuilder SpecExample() => new GraphBuilder()
        .Identifier("user_id", maxUniqueValues: 1)
        .Identifier("email", maxUniqueValues: 2)
        .Identifier("phone", steps: [StandardizeStep.OnlyNumeric])
        .Model(new InMemoryModel("crm", "id", "updated_at", "user_id", "email", "phone").Maps("user_id").Maps("email").Maps("phone")
            .Row("1", "2024-01-01", "U1", "a@x.io", "06 11")
            .Row("2", "2024-01-02", "U1", "b@x.io", "0611")
            .Row("3", "2024-01-03", "U2", "c@x.io", "06-11"))
        .ExactRule("phone", "phone");

    private static List<string?> Check(GraphBuilder builder, int[] root)
    {
        using var s = builder.Standardize();
        return [.. ConflictLimits.Check(s.Graph, new ClusterAssignment(root), s.Observations)];
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 })]
    [InlineData(new[] { 0, 0, 2 })]
    [InlineData(new[] { 0, 2, 2 })]
    [InlineData(new[] { 0, 1, 0 })]
    public void OneClusterPerChunkOnTwoThreads_GivesTheOneThreadReasons(int[] root)
    {
        using var s = SpecExample().Standardize();
        var clusters = new ClusterAssignment(root);
        var one = ConflictLimits.Check(s.Graph, clusters, s.Observations);
        var chunked = ConflictLimits.Check(s.Graph, clusters, s.Observations, threads: 2, chunkClusters: 1);

        Assert.Equal(one, chunked);
    }

    [Fact]
    public void SpecExample_ReasonsInIdentifierOrderJoined()
    {
        var reasons = Check(SpecExample(), [0, 0, 0]);
        Assert.Equal(new List<string?> { "user_id has too many unique values (2 > limit of 1); email has too many unique values (3 > limit of 2)" }, reasons);
    }

    [Fact]
    public void ClustersWithinLimits_HaveNoReason()
    {
        // {1, 2}: one user_id, two emails (at the limit); {3} alone.
        Assert.Equal(new List<string?> { null, null }, Check(SpecExample(), [0, 0, 2]));
    }

    [Fact]
    public void OneViolation_OneReason()
    {
        // {2, 3}: user_ids U1, U2 but only two emails.
        Assert.Equal(new List<string?> { null, "user_id has too many unique values (2 > limit of 1)" }, Check(SpecExample(), [0, 1, 1]));
    }

    [Fact]
    public void IdentifierWithoutLimit_IsNotChecked()
    {
        var builder = new GraphBuilder()
            .Identifier("phone")
            .Model(new InMemoryModel("crm", "id", "updated_at", "phone").Maps("phone")
                .Row("1", "1", "a").Row("2", "1", "b").Row("3", "1", "c"))
            .ExactRule("phone", "phone");
        Assert.Equal(new List<string?> { null }, Check(builder, [0, 0, 0]));
    }

    [Fact]
    public void BlockedAndRepeatedValues_AreNotCounted()
    {
        var builder = new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "user_id", MaxUniqueValues = 1, BlockedValues = ["unknown"] })
            .Model(new InMemoryModel("crm", "id", "updated_at", "user_id", "user_id2").Maps("user_id", "user_id", "user_id2")
                .Row("1", "1", "U1", "UNKNOWN")
                .Row("2", "1", " u1", "U1")
                .Row("3", "1", "unknown", null))
            .ExactRule("user_id", "user_id");
        Assert.Equal(new List<string?> { null }, Check(builder, [0, 0, 0]));
    }

    [Fact]
    public void Describe_UsesInvariantNumbersAndSkipsIdentifiersWithinLimit()
    {
        var email = new IdentifierConfig { Name = "email", MaxUniqueValues = 2 };
        var phone = new IdentifierConfig { Name = "phone", MaxUniqueValues = 1000 };
        Assert.Null(ConflictLimits.Describe([(email, 2), (phone, 1000)]));
        Assert.Equal("phone has too many unique values (1001 > limit of 1000)", ConflictLimits.Describe([(email, 1), (phone, 1001)]));
    }
}
