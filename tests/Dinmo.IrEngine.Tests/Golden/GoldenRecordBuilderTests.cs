using System.Text;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Golden;

public sealed class GoldenRecordBuilderTests
{
    private static GraphBuilder Graph(GoldenConfig golden, params InMemoryModel[] models)
    {
        var builder = new GraphBuilder().Identifier("email").Golden(golden).ExactRule("email", "email");
        foreach (var model in models) builder.Model(model);
        return builder;
    }

    private static InMemoryModel Crm() => new InMemoryModel("crm", "id", "updated_at", "email", "first_name", "country", "visits:int64")
        .Maps("email").Field("first_name").Field("country").Field("visits");

    private static InMemoryModel Shop() => new InMemoryModel("shop", "id", "modified", "mail", "given_name", "country_code", "visits:int64")
        .Maps("email", "mail").Field("first_name", "given_name").Field("country", "country_code").Field("visits");

    private static string? Text(Resolved run, int field) =>
        run.Result.Golden.FieldValue[field][0] is var load and >= 0 ? Encoding.UTF8.GetString(run.Result.Loaded.Fields[field].Text(load)) : null;

    [Fact]
    public void Representative_IsMostRecentRecord()
    {
        using var run = Graph(new GoldenConfig(), Crm()
                .Row("1", "2024-01-03", "a@x", null, null, null)
                .Row("2", "2024-03-01T10:00:00Z", "a@x", null, null, null)
                .Row("3", "2024-02-01", "a@x", null, null, null))
            .Resolve();

        Assert.Equal(1, run.Result.Golden.Count);
        Assert.Equal("crm/2", run.Name(run.Result.Golden.Representative[0]));
    }

    [Fact]
    public void Representative_TiesGoToPriorityModelThenSmallerKey()
    {
        using (var run = Graph(new GoldenConfig { ModelPriority = ["shop"] },
                   Crm().Row("1", "2024-01-01", "a@x", null, null, null),
                   Shop().Row("9", "2024-01-01T00:00:00Z", "a@x", null, null, null))
               .Resolve())
        {
            Assert.Equal("shop/9", run.Name(run.Result.Golden.Representative[0]));
        }
        using (var run = Graph(new GoldenConfig(),
                   Crm().Row("b", "2024-01-01", "a@x", null, null, null).Row("a", "2024-01-01", "a@x", null, null, null))
               .Resolve())
        {
            Assert.Equal("crm/a", run.Name(run.Result.Golden.Representative[0]));
        }
    }

    [Fact]
    public void Fields_TakeRawValuesByStrategy()
    {
        var golden = new GoldenConfig
        {
            Identifiers = [new GoldenColumn("email", SurvivorshipStrategy.MostFrequent)],
            Fields =
            [
                new GoldenColumn("first_name", SurvivorshipStrategy.LastNonNull),
                new GoldenColumn("country", SurvivorshipStrategy.ModelPriority),
                new GoldenColumn("visits", SurvivorshipStrategy.Max),
            ],
            ModelPriority = ["crm", "shop"],
        };
        using var run = Graph(golden,
                Crm()
                    .Row("1", "2024-01-01", " Ann@X ", "Ann", null, 9)
                    .Row("2", "2024-01-02", "ann@x", null, "FR", null),
                Shop()
                    .Row("7", "2024-05-01", "ANN@X", " Annie ", "DE", 10)
                    .Row("8", "2024-06-01", "ann@x", null, null, 2))
            .Resolve();

        Assert.Equal(1, run.Result.Golden.Count);
        Assert.Equal("ann@x", run.Result.Observations.Values.GetString(run.Result.Golden.IdentifierValue[0][0]));
        Assert.Equal(" Annie ", Text(run, 0));  // raw, most recent non-null (the newest record has none)
        Assert.Equal("FR", Text(run, 1));       // crm first: its null falls through to its other record
        Assert.Equal(10, run.Result.Loaded.Fields[2].Number(run.Result.Golden.FieldValue[2][0])); // numeric max, not text
    }

    [Fact]
    public void ModelPriority_AllNullInFirstModel_FallsThroughToNextModel()
    {
        var golden = new GoldenConfig
        {
            Fields = [new GoldenColumn("country", SurvivorshipStrategy.ModelPriority)],
            ModelPriority = ["crm", "shop"],
        };
        using var run = Graph(golden,
                Crm().Row("1", "2024-09-01", "a@x", null, null, null),
                Shop().Row("7", "2024-01-01", "a@x", null, "DE", null).Row("8", "2024-02-01", "a@x", null, "IT", null))
            .Resolve();

        Assert.Equal("IT", Text(run, 0));
    }

    [Fact]
    public void NoValueInCluster_GivesNoGoldenValue()
    {
        var golden = new GoldenConfig { Fields = [new GoldenColumn("first_name", SurvivorshipStrategy.LastNonNull)] };
        using var run = Graph(golden, Crm().Row("1", "2024-01-01", "a@x", null, null, null)).Resolve();

        Assert.Equal(-1, run.Result.Golden.FieldValue[0][0]);
    }

    [Fact]
    public void SeenRange_IsMinAndMaxOrder()
    {
        using var run = Graph(new GoldenConfig(), Crm()
                .Row("1", "2024-01-03", "a@x", null, null, null)
                .Row("2", null, "a@x", null, null, null)
                .Row("3", "2023-12-31", "a@x", null, null, null))
            .Resolve();

        Assert.Equal(new DateTimeOffset(2023, 12, 31, 0, 0, 0, TimeSpan.Zero), Timestamps.ToDateTimeOffset(run.Result.Golden.FirstSeen[0]));
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), Timestamps.ToDateTimeOffset(run.Result.Golden.LastSeen[0]));
    }
}
