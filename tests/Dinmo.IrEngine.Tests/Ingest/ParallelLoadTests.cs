using System.Text;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Ingest;

/// <summary>Models read on several threads give the same columns as read one after another.</summary>
public sealed class ParallelLoadTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void ModelsReadInParallel_GiveTheSameRecordsCellsAndFieldsAsOneThread(int threads)
    {
        var graph = ThreeModels(seed: 7, out var inputs);
        using var one = RecordLoader.Load(graph, inputs, threads: 1);
        using var many = RecordLoader.Load(graph, inputs, threads: threads);

        Assert.Equal(Describe(one), Describe(many));
        Assert.True(one.Records.Count > 300, "the three models together hold a few hundred rows");
    }

    [Fact]
    public void TwoModelsFail_TheFirstModelsErrorIsReported_WhateverTheTiming()
    {
        var first = new InMemoryModel("a_first", "id", "updated", "email").Maps("email")
            .Row("1", "2024-01-01", "x@example.com").Row("2", "not a date", "y@example.com");
        var second = new InMemoryModel("b_second", "id", "updated", "email").Maps("email")
            .Row("1", "also not a date", "z@example.com");
        var builder = new GraphBuilder().Identifier("email").Model(first).Model(second).ExactRule("email", "email");

        for (var round = 0; round < 5; round++)
        {
            var error = Assert.Throws<InputException>(() => RecordLoader.Load(builder.Graph, [first.Input, second.Input], threads: 2));
            Assert.Contains("a_first", error.Message);
        }
    }

    private static IdentityGraph ThreeModels(int seed, out ModelInput[] inputs)
    {
        var random = new Random(seed);
        var models = new[] { "crm", "app", "shop" }.Select(name =>
            new InMemoryModel(name, "id", "updated", "email", "email2", "phone", "name", "age:int64")
                .Maps("email", "email", "email2").Maps("phone").Field("name").Field("age").Split(37)).ToArray();
        foreach (var model in models)
        {
            var rows = random.Next(100, 160);
            for (var r = 0; r < rows; r++)
            {
                model.Row(
                    random.Next(20) == 0 ? null : $"k{random.Next(rows * 2)}",          // some null and duplicate keys
                    $"2024-0{1 + random.Next(9)}-1{random.Next(10)}",
                    random.Next(4) == 0 ? null : $"p{random.Next(90)}@example.com",
                    random.Next(3) == 0 ? null : $"q{random.Next(90)}@example.com",
                    random.Next(5) == 0 ? null : $"+33 6{random.Next(100000):D5}",
                    random.Next(6) == 0 ? null : $"Zoë {random.Next(50)}",
                    random.Next(4) == 0 ? null : random.Next(18, 90));
            }
        }
        var builder = new GraphBuilder().Identifier("email").Identifier("phone").ExactRule("email", "email")
            .Golden(new GoldenConfig
            {
                Fields = [new GoldenColumn("name", SurvivorshipStrategy.LastNonNull), new GoldenColumn("age", SurvivorshipStrategy.LastNonNull)],
                ModelPriority = ["crm", "app", "shop"],
            });
        foreach (var model in models) builder.Model(model);
        inputs = models.Select(m => m.Input).ToArray();
        return builder.Graph;
    }

    /// <summary>Every column the loader produces, as text, record by record and cell by cell.</summary>
    private static string Describe(LoadedRecords loaded)
    {
        var text = new StringBuilder();
        var records = loaded.Records;
        for (var r = 0; r < records.Count; r++)
        {
            text.Append($"{r} {records.ModelName(r)} {records.KeyString(r)} {records.Order[r]} {records.Status[r]} load={records.LoadIndex[r]}");
            foreach (var field in loaded.Fields)
            {
                var load = records.LoadIndex[r];
                text.Append(field.IsNull(load) ? " null" : field.Kind == FieldKind.Text ? $" {Encoding.UTF8.GetString(field.Text(load))}" : $" {field.Number(load)}");
            }
            text.AppendLine();
        }
        var raw = loaded.Observations;
        for (var i = 0; i < raw.Count; i++)
        {
            text.AppendLine($"cell {raw.Record[i]} {raw.Source[i]} {raw.Raw.GetString(i)}");
        }
        text.AppendLine(string.Join(";", raw.Sources));
        return text.ToString();
    }
}
