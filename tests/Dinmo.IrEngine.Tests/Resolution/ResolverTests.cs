using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.StableIds;
using Dinmo.IrEngine.Tests.Guard;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Resolution;

public sealed class ResolverTests
{
    private static InMemoryModel Crm() => new InMemoryModel("crm", "id", "updated_at", "email", "phone").Maps("email").Maps("phone");

    private static GraphBuilder EmailOrPhone(params InMemoryModel[] models)
    {
        var builder = new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", BlockedValues = ["test@test.com"] })
            .Identifier("phone", steps: [StandardizeStep.OnlyNumeric]);
        foreach (var model in models) builder.Model(model);
        return builder.ExactRule("email", "email").ExactRule("phone", "phone");
    }

    [Fact]
    public void ChainAcrossTwoRules_MakesOneCluster()
    {
        // A~B by email (rule 1), B~C by phone (rule 2): A and C share nothing directly.
        using var run = EmailOrPhone(Crm()
                .Row("A", "2024-01-01", "a@x", null)
                .Row("B", "2024-01-02", "A@X", "06 11")
                .Row("C", "2024-01-03", null, "0611"))
            .Resolve();

        Assert.Equal([(0, "crm/A", "crm/B"), (1, "crm/B", "crm/C")], run.Links());
        var cluster = run.Cluster("crm", "A");
        Assert.Equal(cluster, run.Cluster("crm", "B"));
        Assert.Equal(cluster, run.Cluster("crm", "C"));
        Assert.All(new[] { "A", "B", "C" }, k => Assert.Equal(ResolutionStatus.Matched, run.Status("crm", k)));
        Assert.Equal(1, run.Result.Golden.Count);
        Assert.Equal(DinmoIdFactory.ForCluster("test", "crm", "A"), run.Result.DinmoIdText(cluster));
        Assert.All(run.Result.LinkOutcomes, o => Assert.Equal(LinkOutcome.Merged, o));
        Assert.True(run.Result.LinkedBy[0][run.Record("crm", "A")]);
        Assert.False(run.Result.LinkedBy[0][run.Record("crm", "C")]);
        Assert.True(run.Result.LinkedBy[1][run.Record("crm", "C")]);
    }

    [Fact]
    public void ChainAcrossModels_MakesOneCluster()
    {
        var shop = new InMemoryModel("shop", "id", "modified", "mail", "tel").Maps("email", "mail").Maps("phone", "tel");
        using var run = EmailOrPhone(
                Crm().Row("1", "2024-01-01", "a@x", null).Row("2", "2024-01-01", null, "555"),
                shop.Row("1", "2024-01-01", "a@x", "555"))
            .Resolve();

        Assert.Equal(1, run.Result.Clusters.ClusterCount);
        Assert.Equal([(0, "crm/1", "shop/1"), (1, "crm/2", "shop/1")], run.Links());
    }

    [Fact]
    public void DuplicatePrimaryKeys_AreUnresolvedAndMakeNoLinks()
    {
        using var run = EmailOrPhone(Crm()
                .Row("1", "2024-01-01", "a@x", null)
                .Row("2", "2024-01-01", "a@x", "555")
                .Row("2", "2024-01-02", "a@x", "555")
                .Row("3", "2024-01-01", null, "555"))
            .Resolve();

        var duplicates = Enumerable.Range(0, run.Records.Count).Where(r => run.Records.KeyString(r) == "2").ToArray();
        Assert.Equal(2, duplicates.Length);
        foreach (var r in duplicates)
        {
            Assert.Equal(ResolutionStatus.Missing, run.Result.Status[r]);
            Assert.Equal(UnresolvedReason.DuplicatePrimaryKey, run.Result.Reason[r]);
            Assert.Equal(-1, run.Result.Clusters.ClusterOf(r));
        }
        Assert.Empty(run.Links()); // 1 and 3 only met through the duplicates
        Assert.Equal(ResolutionStatus.Unique, run.Status("crm", "1"));
        Assert.Equal(ResolutionStatus.Unique, run.Status("crm", "3"));
    }

    [Fact]
    public void NullAndEmptyPrimaryKeys_AreUnresolvedAndMakeNoLinks()
    {
        using var run = EmailOrPhone(Crm()
                .Row(null, "2024-01-01", "a@x", "555")
                .Row("", "2024-01-01", "a@x", "555")
                .Row("1", "2024-01-01", "a@x", null)
                .Row("2", "2024-01-01", null, "555"))
            .Resolve();

        var missing = Enumerable.Range(0, run.Records.Count).Where(r => string.IsNullOrEmpty(run.Records.KeyString(r))).ToArray();
        Assert.Equal(2, missing.Length);
        Assert.All(missing, r => Assert.Equal(UnresolvedReason.MissingPrimaryKey, run.Result.Reason[r]));
        Assert.All(missing, r => Assert.Equal(ResolutionStatus.Missing, run.Result.Status[r]));
        Assert.Empty(run.Links());
        Assert.Equal(2, run.Result.Golden.Count);
    }

    [Fact]
    public void RecordApplicableToNoRule_IsMissingIdentifiers()
    {
        using var run = EmailOrPhone(Crm()
                .Row("none", "2024-01-01", null, null)
                .Row("blank", "2024-01-01", "  ", "n/a")
                .Row("blocked", "2024-01-01", "TEST@test.com", null)
                .Row("ok", "2024-01-01", "test@test.com", "1"))
            .Resolve();

        foreach (var key in new[] { "none", "blank", "blocked" })
        {
            Assert.Equal(ResolutionStatus.Missing, run.Status("crm", key));
            Assert.Equal(UnresolvedReason.MissingIdentifiers, run.Reason("crm", key));
            Assert.Equal(-1, run.Cluster("crm", key));
        }
        Assert.Equal(ResolutionStatus.Unique, run.Status("crm", "ok"));
        Assert.Equal(UnresolvedReason.None, run.Reason("crm", "ok"));
        Assert.Empty(run.Links()); // the blocked email links nobody
    }

    [Fact]
    public void ExcludeCluster_SpecExample_AllRecordsUnresolvedWithReasons()
    {
        using var run = ConflictLimitsTests.SpecExample().Resolve();
        const string reasons = "user_id has too many unique values (2 > limit of 1); email has too many unique values (3 > limit of 2)";

        foreach (var key in new[] { "1", "2", "3" })
        {
            Assert.Equal(ResolutionStatus.Conflict, run.Status("crm", key));
            Assert.Equal(UnresolvedReason.IdentifierConflict, run.Reason("crm", key));
            Assert.Equal(reasons, run.Result.RecordConflictReasons[run.Record("crm", key)]);
        }
        var cluster = run.Cluster("crm", "1");
        Assert.Equal(reasons, run.Result.ConflictReasons[cluster]);
        Assert.Null(run.Result.DinmoIdText(cluster));
        Assert.Equal(0, run.Result.Golden.Count);
        Assert.All(run.Result.LinkOutcomes, o => Assert.Equal(LinkOutcome.ExcludedConflict, o));
        Assert.Equal(2, run.Result.LinkOutcomes.Length);
    }

    [Fact]
    public void ExcludeCluster_OtherClustersStayValid()
    {
        var builder = new GraphBuilder()
            .Identifier("user_id", maxUniqueValues: 1)
            .Identifier("phone")
            .Model(new InMemoryModel("crm", "id", "updated_at", "user_id", "phone").Maps("user_id").Maps("phone")
                .Row("1", "1", "U1", "555").Row("2", "1", "U2", "555")
                .Row("3", "1", "U3", "777").Row("4", "1", "U3", "777"))
            .ExactRule("phone", "phone");
        using var run = builder.Resolve();

        Assert.Equal(ResolutionStatus.Conflict, run.Status("crm", "1"));
        Assert.Equal(ResolutionStatus.Conflict, run.Status("crm", "2"));
        Assert.Equal(ResolutionStatus.Matched, run.Status("crm", "3"));
        Assert.Equal(ResolutionStatus.Matched, run.Status("crm", "4"));
        Assert.Equal(1, run.Result.Golden.Count);
        Assert.Equal([LinkOutcome.ExcludedConflict, LinkOutcome.Merged], run.Result.LinkOutcomes);
    }

    [Fact]
    public void SkipMerge_RefusedLinkIsBlockedConflictAndRecordsStayResolved()
    {
        using var run = ConflictLimitsTests.SpecExample().Policy(ConflictPolicy.SkipMerge).Resolve();

        // Link 1–2 merges (one user_id, two emails); link 1–3 would make two user_ids and three emails.
        // Record 3 shares no limited value with another subgroup of the phone group, so no link is added.
        Assert.Equal([(0, "crm/1", "crm/2"), (0, "crm/1", "crm/3")], run.Links());
        Assert.Equal([LinkOutcome.Merged, LinkOutcome.BlockedConflict], run.Result.LinkOutcomes);
        Assert.Equal("user_id has too many unique values (2 > limit of 1); email has too many unique values (3 > limit of 2)",
            run.Result.LinkBlockReasons[1]);
        Assert.Equal(ResolutionStatus.Matched, run.Status("crm", "1"));
        Assert.Equal(ResolutionStatus.Matched, run.Status("crm", "2"));
        Assert.Equal(ResolutionStatus.Unique, run.Status("crm", "3"));
        Assert.Equal(2, run.Result.Golden.Count);
    }

    [Fact]
    public void FourBuckets_AddUpToRecordsRead()
    {
        var shop = new InMemoryModel("shop", "id", "modified", "mail").Maps("email", "mail");
        var builder = new GraphBuilder()
            .Identifier("email")
            .Identifier("user_id", maxUniqueValues: 1)
            .Model(new InMemoryModel("crm", "id", "updated_at", "email", "user_id").Maps("email").Maps("user_id")
                .Row("1", "1", "a@x", "U1")   // matched with shop/1
                .Row("2", "1", "b@x", "U1")   // conflict with 3
                .Row("3", "1", "b@x", "U2")
                .Row("4", "1", "c@x", null)   // unique
                .Row("5", "1", null, "U5")    // missing identifiers
                .Row("6", "1", "d@x", null)   // duplicate key
                .Row("6", "1", "d@x", null)
                .Row(null, "1", "a@x", null)) // missing key
            .Model(shop.Row("1", "1", "A@X").Row("2", "1", "e@x"))
            .ExactRule("email", "email");
        using var run = builder.Resolve();

        var counts = Enum.GetValues<ResolutionStatus>().ToDictionary(s => s, s => run.Result.Status.Count(x => x == s));
        Assert.Equal(10, run.Records.Count);
        Assert.Equal(run.Records.Count, counts.Values.Sum());
        Assert.Equal(2, counts[ResolutionStatus.Unique]);   // crm/4, shop/2
        Assert.Equal(2, counts[ResolutionStatus.Matched]);  // crm/1, shop/1
        Assert.Equal(2, counts[ResolutionStatus.Conflict]); // crm/2, crm/3
        Assert.Equal(4, counts[ResolutionStatus.Missing]);  // crm/5, both crm/6, the null key
        Assert.Equal(3, run.Result.Golden.Count);
        Assert.Equal(3, run.Result.DinmoIdValues.Count(id => id is not null));
    }

    [Fact]
    public void Result_IsIndependentOfRowOrderAndBatchSplit()
    {
        string Describe(bool reversed, int split)
        {
            var rows = new (string, string, string?, string?)[]
            {
                ("A", "2024-01-01", "a@x", null), ("B", "2024-01-02", "a@x", "1"), ("C", "2024-01-03", null, "1"),
                ("D", "2024-01-04", "d@x", null), ("E", "2024-01-05", "d@x", "2"), ("F", "2024-01-06", null, null),
            };
            var model = Crm().Split(split);
            foreach (var (id, at, email, phone) in reversed ? rows.Reverse() : rows) model.Row(id, at, email, phone);
            using var run = EmailOrPhone(model).Resolve();
            return string.Join(";", Enumerable.Range(0, run.Records.Count).Select(r =>
                $"{run.Name(r)}:{run.Result.Status[r]}:{(run.Result.Clusters.ClusterOf(r) is var c and >= 0 ? run.Result.DinmoIdText(c) : "-")}"));
        }

        var expected = Describe(false, int.MaxValue);
        Assert.Equal(expected, Describe(true, int.MaxValue));
        Assert.Equal(expected, Describe(true, 2));
        Assert.Equal(expected, Describe(false, 1));
    }

    [Fact]
    public void StageClock_TimesEveryStage()
    {
        var builder = EmailOrPhone(Crm().Row("1", "1", "a@x", null));
        var graph = builder.Graph;
        using var loaded = builder.Load();
        var clock = new StageClock();
        using var result = Resolver.Resolve(graph, loaded, clock);

        Assert.Equal(["standardize", "block", "compare", "cluster", "stable_ids", "golden"], clock.Stages.Select(s => s.Stage));
    }
}
