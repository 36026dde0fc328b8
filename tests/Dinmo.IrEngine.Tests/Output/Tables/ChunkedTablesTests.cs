using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Output.Tables;

/// <summary>
/// The row tables are written in fixed-size chunks; chunk boundaries must never change a row. Tables
/// written with three-row chunks hold the same rows, in the same order, as tables written in one chunk.
/// </summary>
public sealed class ChunkedTablesTests
{
    private const int SmallChunk = 3;

    /// <summary>Shared e-mails and phones (links), a blocked value, nulls, and e-mail conflicts (unresolved rows, excluded clusters).</summary>
    private static Resolved Scenario()
    {
        var random = new Random(11);
        var crm = new InMemoryModel("crm", "id", "updated", "email", "phone", "name", "age:int64")
            .Maps("email").Maps("phone").Field("name").Field("age");
        for (var i = 0; i < 40; i++)
        {
            crm.Row($"k{i:D2}", $"2024-01-{1 + random.Next(28):D2}T10:00:00Z",
                random.Next(6) == 0 ? null : random.Next(10) == 0 ? "test@test.com" : $"e{random.Next(30)}@x.com",
                random.Next(5) == 0 ? null : $"0{random.Next(40)}",
                random.Next(4) == 0 ? null : $"name {random.Next(5)}",
                random.Next(3) == 0 ? null : (long)random.Next(90));
        }
        return new GraphBuilder()
            .Identifier(new IdentifierConfig { Name = "email", MaxUniqueValues = 2, BlockedValues = ["test@test.com"] })
            .Identifier("phone")
            .Model(crm)
            .ExactRule("email", "email").ExactRule("phone", "phone")
            .Golden(new GoldenConfig
            {
                Identifiers = [new GoldenColumn("email", SurvivorshipStrategy.MostFrequent)],
                Fields = [new GoldenColumn("name", SurvivorshipStrategy.LastNonNull), new GoldenColumn("age", SurvivorshipStrategy.Max)],
            })
            .Resolve();
    }

    private static List<WrittenTable> WriteAll(ResolutionResult result, TableDestination to)
    {
        var ids = new ClusterIdText(result.DinmoIdValues);
        return
        [
            GoldenTableBuilder.Write(result, ids, "run", to), MatchedIdsTableBuilder.Write(result, ids, to),
            UnresolvedTableBuilder.Write(result, "run", to), LookupTableBuilder.Write(result, to),
            MatchTableBuilder.Write(result, ids, "run", to), MatchPairsTableBuilder.Write(result, ids, to),
            IdHistoryTableBuilder.Write(result, to),
        ];
    }

    [Fact]
    public void SmallChunks_CsvTables_AreByteIdenticalToOneChunk()
    {
        using var run = Scenario();
        using var dir = new TempDirectory();
        var whole = WriteAll(run.Result, new TableDestination(OutputFormat.Csv, dir.File("whole/x")[..^2]));
        var chunked = WriteAll(run.Result, new TableDestination(OutputFormat.Csv, dir.File("chunked/x")[..^2], SmallChunk));

        // Every table spans several chunks, the last one partial or full.
        Assert.All(whole, t => Assert.True(t.Rows > SmallChunk, $"{t.Table}: {t.Rows} rows"));
        Assert.Contains(run.Result.Reason, r => r == UnresolvedReason.IdentifierConflict);
        for (var t = 0; t < whole.Count; t++)
        {
            Assert.Equal(whole[t].Rows, chunked[t].Rows);
            Assert.True(File.ReadAllBytes(whole[t].File).SequenceEqual(File.ReadAllBytes(chunked[t].File)), whole[t].Table);
        }
    }

    [Fact]
    public void MatchedIds_GatheredInSmallChunksOnTwoThreads_AreByteIdenticalToOneThread()
    {
        using var run = Scenario();
        using var dir = new TempDirectory();
        var ids = new ClusterIdText(run.Result.DinmoIdValues);
        var one = MatchedIdsTableBuilder.Write(run.Result, ids, new TableDestination(OutputFormat.Arrow, dir.File("one/x")[..^2]));
        var two = MatchedIdsTableBuilder.Write(run.Result, ids, new TableDestination(OutputFormat.Arrow, dir.File("two/x")[..^2]),
            threads: 2, chunkClusters: 2);

        Assert.True(run.Result.Golden.Count > 4, $"{run.Result.Golden.Count} clusters");
        Assert.True(one.Rows > 4, $"{one.Rows} rows");
        Assert.Equal(File.ReadAllBytes(one.File), File.ReadAllBytes(two.File));
    }

    [Theory]
    [InlineData(OutputFormat.Arrow, InputFormat.ArrowFile)]
    [InlineData(OutputFormat.Parquet, InputFormat.Parquet)]
    public void SmallChunks_Tables_ReadBackAsTheSameRowsInFullChunks(OutputFormat format, InputFormat readAs)
    {
        using var run = Scenario();
        using var dir = new TempDirectory();
        var expected = WriteAll(run.Result, new TableDestination(OutputFormat.Csv, dir.File("csv/x")[..^2]));
        var arrow = WriteAll(run.Result, new TableDestination(format, dir.File("chunked/x")[..^2], SmallChunk));

        for (var t = 0; t < arrow.Count; t++)
        {
            using var source = TableSources.OpenOne(new SourceFile(arrow[t].File, readAs));
            var batches = source.ReadBatches().ToList();
            Assert.Equal(arrow[t].Rows, batches.Sum(b => (long)b.Length));
            // Every chunk (batch, row group) but the last is full: boundaries depend on the row count only.
            Assert.All(batches.SkipLast(1), b => Assert.Equal(SmallChunk, b.Length));
            var back = TableFileWriter.Write(OutputFormat.Csv, dir.File("back/x")[..^2], arrow[t].Table, source.Schema, batches);
            Assert.True(File.ReadAllBytes(expected[t].File).SequenceEqual(File.ReadAllBytes(back.File)), arrow[t].Table);
        }
    }
}
