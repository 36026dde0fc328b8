using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Standardize;

public sealed class ObservationBuilderTests
{
    private static InMemoryModel Crm() => new InMemoryModel("crm", "id", "updated_at", "email", "work_email", "phone")
        .Maps("email", "email", "work_email").Maps("phone");

    [Fact]
    public void TwoThreads_StandardizingAhead_GiveTheOneThreadTable()
    {
        // Several chunks of cells, with repeats across chunks, empties and an invalid (duplicate) key.
        var model = Crm();
        for (var i = 0; i < StandardizedChunk.Cells + 1234; i++) // three cells a row
        {
            model.Row((i % 9_000 == 5 ? 0 : i).ToString(System.Globalization.CultureInfo.InvariantCulture), "2024-01-01",
                i % 7 == 0 ? null : $" User{i % 5_000}@X.io ", i % 3 == 0 ? "  " : $"w{i % 777}@work.io", $"+33 {i % 4_321:0000}");
        }
        var graph = new GraphBuilder()
            .Identifier("email", steps: [StandardizeStep.Email])
            .Identifier("phone", steps: [StandardizeStep.OnlyNumeric])
            .Model(model)
            .ExactRule("email", "email");
        using var loaded = graph.Load();
        Assert.True(loaded.Observations.Count > 2 * StandardizedChunk.Cells);
        using var one = ObservationBuilder.Build(graph.Graph, loaded, threads: 1);
        using var two = ObservationBuilder.Build(graph.Graph, loaded, threads: 2);

        Assert.Equal(one.Record, two.Record);
        Assert.Equal(one.Identifier, two.Identifier);
        Assert.Equal(one.Source, two.Source);
        Assert.Equal(one.Value, two.Value);
        Assert.Equal(one.Raw, two.Raw);
        Assert.Equal(one.Block, two.Block);
        Assert.Equal(one.Values.Count, two.Values.Count);
        for (var v = 0; v < one.Values.Count; v++) Assert.True(one.Values[v].SequenceEqual(two.Values[v]));
    }

    [Fact]
    public void MappedColumns_BecomeStandardizedObservations()
    {
        var graph = new GraphBuilder()
            .Identifier("email", steps: [StandardizeStep.Email])
            .Identifier("phone", steps: [StandardizeStep.OnlyNumeric])
            .Model(Crm()
                .Row("1", "2024-01-01", " Ann+x@X.io ", "ann@work.io", "+33 6 12")
                .Row("2", "2024-01-01", null, "  ", "n/a"))
            .ExactRule("email", "email");
        using var s = graph.Standardize();

        Assert.Equal([("ann@x.io", BlockReason.None), ("ann@work.io", BlockReason.None)], s.ObservationsOf("crm", "1", "email"));
        Assert.Equal([("33612", BlockReason.None)], s.ObservationsOf("crm", "1", "phone"));
        Assert.Empty(s.ObservationsOf("crm", "2", "email")); // null and blank: no observation
        Assert.Empty(s.ObservationsOf("crm", "2", "phone")); // no digits left: no observation
        Assert.Equal(3, s.Observations.Count);
    }

    [Fact]
    public void BlockedValues_AreComparedAfterStandardization()
    {
        var graph = new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", BlockedValues = [" TEST@test.com "] })
            .Identifier("phone")
            .Model(Crm()
                .Row("1", "2024-01-01", "test@TEST.com", " Test@Test.Com\u00A0", null)
                .Row("2", "2024-01-01", "real@x.io", null, null))
            .ExactRule("email", "email");
        using var s = graph.Standardize();

        Assert.Equal([("test@test.com", BlockReason.BlockedValue), ("test@test.com", BlockReason.BlockedValue)],
            s.ObservationsOf("crm", "1", "email"));
        Assert.Equal([("real@x.io", BlockReason.None)], s.ObservationsOf("crm", "2", "email"));
    }

    [Fact]
    public void BlockedPatterns_MatchTheStandardizedValue()
    {
        var graph = new GraphBuilder()
            .Identifier("email", steps: [StandardizeStep.Email])
            .Identifier(new IdentifierConfig { Name = "phone", Standardize = [StandardizeStep.OnlyNumeric], BlockedPatterns = ["^0*$"] })
            .Model(Crm()
                .Row("1", "2024-01-01", null, null, "00-00 00")
                .Row("2", "2024-01-01", null, null, "0612"))
            .ExactRule("phone", "phone");
        using var s = graph.Standardize();

        Assert.Equal([("000000", BlockReason.BlockedPattern)], s.ObservationsOf("crm", "1", "phone"));
        Assert.Equal([("0612", BlockReason.None)], s.ObservationsOf("crm", "2", "phone"));
    }

    [Fact]
    public void BlockedPattern_IsCaseSensitiveOnStandardizedValue()
    {
        var graph = new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", BlockedPatterns = ["^noreply@"] })
            .Identifier("phone")
            .Model(Crm().Row("1", "2024-01-01", " NoReply@shop.io", "noreply2@shop.io", null))
            .ExactRule("email", "email");
        using var s = graph.Standardize();

        Assert.Equal([("noreply@shop.io", BlockReason.BlockedPattern), ("noreply2@shop.io", BlockReason.None)],
            s.ObservationsOf("crm", "1", "email"));
    }

    [Fact]
    public void HubGuard_BlocksValueOnMoreRecordsThanTheLimit()
    {
        var graph = new GraphBuilder()
            .Identifier("email")
            .Identifier(new IdentifierConfig { Name = "phone", MaxRecordsPerValue = 2 })
            .Model(Crm()
                .Row("1", "2024-01-01", null, null, "555")
                .Row("2", "2024-01-01", null, null, "555")
                .Row("3", "2024-01-01", null, null, "555")
                .Row("4", "2024-01-01", null, null, "777")
                .Row("5", "2024-01-01", null, null, "777"))
            .ExactRule("phone", "phone");
        using var s = graph.Standardize();

        foreach (var key in new[] { "1", "2", "3" }) Assert.Equal([("555", BlockReason.Hub)], s.ObservationsOf("crm", key, "phone"));
        foreach (var key in new[] { "4", "5" }) Assert.Equal([("777", BlockReason.None)], s.ObservationsOf("crm", key, "phone"));
    }

    [Fact]
    public void HubGuard_CountsDistinctRecordsAcrossModelsAfterStandardization()
    {
        var shop = new InMemoryModel("shop", "id", "modified", "mail").Maps("email", "mail");
        var graph = new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", MaxRecordsPerValue = 2 })
            .Identifier("phone")
            .Model(Crm().Row("1", "2024-01-01", "hub@x.io", null, null).Row("2", "2024-01-01", " HUB@x.io", null, null))
            .Model(shop.Row("9", "2024-01-01", "Hub@X.io"))
            .ExactRule("email", "email");
        using var s = graph.Standardize();

        Assert.Equal([("hub@x.io", BlockReason.Hub)], s.ObservationsOf("shop", "9", "email"));
        Assert.Equal([("hub@x.io", BlockReason.Hub)], s.ObservationsOf("crm", "1", "email"));
    }

    [Fact]
    public void HubGuard_RecordCarryingValueInTwoColumnsCountsOnce()
    {
        var graph = new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", MaxRecordsPerValue = 2 })
            .Identifier("phone")
            .Model(Crm()
                .Row("1", "2024-01-01", "a@x.io", "A@X.IO", null)
                .Row("2", "2024-01-01", "a@x.io", "a@x.io", null))
            .ExactRule("email", "email");
        using var s = graph.Standardize();

        // Four observations, two records: at the limit, not over it.
        Assert.All(s.ObservationsOf("crm", "1", "email").Concat(s.ObservationsOf("crm", "2", "email")),
            o => Assert.Equal(BlockReason.None, o.Block));
        Assert.Equal(2, s.Observations.RecordsPerValue(0, s.Observations.Values.Find("a@x.io"u8)));
    }

    [Fact]
    public void HubGuard_IgnoresRecordsWithInvalidKeys()
    {
        var graph = new GraphBuilder()
            .Identifier("email")
            .Identifier(new IdentifierConfig { Name = "phone", MaxRecordsPerValue = 1 })
            .Model(Crm()
                .Row("1", "2024-01-01", null, null, "555")
                .Row(null, "2024-01-01", null, null, "555")
                .Row("", "2024-01-01", null, null, "555")
                .Row("2", "2024-01-01", null, null, "555")
                .Row("2", "2024-01-01", null, null, "555"))
            .ExactRule("phone", "phone");
        using var s = graph.Standardize();

        Assert.Equal([("555", BlockReason.None)], s.ObservationsOf("crm", "1", "phone"));
        Assert.Equal(1, s.Observations.Count); // missing and duplicate keys contribute no observations
    }

    [Fact]
    public void HubGuard_DoesNotCountBlockedValues()
    {
        var graph = new GraphBuilder()
            .Identifier("email")
            .Identifier(new IdentifierConfig { Name = "phone", MaxRecordsPerValue = 1, BlockedValues = ["000"] })
            .Model(Crm()
                .Row("1", "2024-01-01", null, null, "000")
                .Row("2", "2024-01-01", null, null, "000"))
            .ExactRule("phone", "phone");
        using var s = graph.Standardize();

        Assert.Equal([("000", BlockReason.BlockedValue)], s.ObservationsOf("crm", "1", "phone"));
    }

    [Fact]
    public void ObservationsByRecord_KeepMappingOrderAndPointToRawCells()
    {
        var graph = new GraphBuilder()
            .Identifier("email")
            .Identifier("phone")
            .Model(Crm().Row("2", "2024-01-01", "B@x", "c@x", "9").Row("1", "2024-01-01", "A@x", null, null))
            .ExactRule("email", "email");
        using var s = graph.Standardize();

        var record = s.Record("crm", "2");
        var raws = new List<string>();
        foreach (var o in s.Observations.OfRecord(record))
        {
            Assert.Equal(record, s.Observations.Record[o]);
            raws.Add(s.Loaded.Observations.Raw.GetString(s.Observations.Raw[o])!);
        }
        Assert.Equal(["B@x", "c@x", "9"], raws);
    }
}
