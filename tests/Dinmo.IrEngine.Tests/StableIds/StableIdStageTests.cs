using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.StableIds;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.StableIds;

public sealed class StableIdStageTests
{
    /// <summary>Two models sharing e-mails and phones, some keys missing, some clusters over the e-mail limit.</summary>
    private static Resolved Scenario()
    {
        var random = new Random(17);
        InMemoryModel Model(string name)
        {
            var model = new InMemoryModel(name, "id", "updated", "email", "phone").Maps("email").Maps("phone");
            for (var i = 0; i < 30; i++)
            {
                model.Row(random.Next(12) == 0 ? null : $"{name}{i:D2}", "2024-01-01T00:00:00Z",
                    random.Next(5) == 0 ? null : $"e{random.Next(25)}@x.com", random.Next(4) == 0 ? null : $"0{random.Next(30)}");
            }
            return model;
        }
        return new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", MaxUniqueValues = 2 })
            .Identifier("phone")
            .Model(Model("shop")).Model(Model("crm"))
            .ExactRule("email", "email").ExactRule("phone", "phone")
            .Resolve();
    }

    [Fact]
    public void NextState_BuiltInSmallSegmentsOnTwoThreads_EqualsOneSegmentOnOneThread()
    {
        using var run = Scenario();
        var result = run.Result;
        var valid = result.ConflictReasons.Select(r => r is null).ToArray();
        Assert.Contains(false, valid);
        var previous = IdState.Empty();
        for (var pass = 0; pass < 2; pass++)
        {
            var one = StableIdStage.Run("p", run.Records, result.Clusters, valid, previous, "run", threads: 1);
            var two = StableIdStage.Run("p", run.Records, result.Clusters, valid, previous, "run", threads: 2, segmentRecords: 3);

            var (a, b) = (one.NextState.Records, two.NextState.Records);
            Assert.True(a.Count > 6, $"{a.Count} state rows");
            Assert.Equal(a.ModelNames.Length, b.ModelNames.Length);
            for (var m = 0; m < a.ModelNames.Length; m++) Assert.Equal(a.ModelNames[m], b.ModelNames[m]);
            Assert.Equal(a.Model, b.Model);
            Assert.Equal(a.Ids, b.Ids);
            Assert.Equal(a.Active, b.Active);
            for (var row = 0; row < a.Count; row++) Assert.True(a.Key(row).SequenceEqual(b.Key(row)), $"row {row}");
            Assert.Equal(one.ClustersByDinmoId, two.ClustersByDinmoId);
            Assert.Equal(one.NextState.Registry.Ids, two.NextState.Registry.Ids);
            previous = one.NextState; // the second pass starts from held ids
        }
    }
}
