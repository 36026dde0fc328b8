using System.Text;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Standardize;
using Dinmo.IrEngine.Tests.Ingest;

namespace Dinmo.IrEngine.Tests.Standardize;

/// <summary>Standardizing in chunks on several threads gives the observation table of one thread, value ids included.</summary>
public sealed class ChunkedStandardizeTests
{
    [Theory]
    [InlineData(2, 16)]
    [InlineData(3, 7)]
    [InlineData(8, 1)]
    public void Chunks_GiveTheSameObservationsValueIdsAndBlocksAsOneThread(int threads, int minCellsPerChunk)
    {
        var graph = ParallelLoadTests.ThreeModels(seed: 11, out var inputs);
        using var loaded = RecordLoader.Load(graph, inputs);
        using var one = ObservationBuilder.Build(graph, loaded, threads: 1);
        using var chunked = ObservationBuilder.Build(graph, loaded, threads, minCellsPerChunk);

        Assert.True(loaded.Observations.Count / minCellsPerChunk >= threads, "enough cells for every thread to get a chunk");
        Assert.Equal(Describe(one), Describe(chunked));
    }

    private static string Describe(ObservationTable table)
    {
        var text = new StringBuilder();
        for (var o = 0; o < table.Count; o++)
        {
            text.AppendLine($"{table.Record[o]} {table.Identifier[o]} {table.Source[o]} {table.Value[o]} {table.Raw[o]} {table.Block[o]}");
        }
        for (var v = 0; v < table.Values.Count; v++) text.AppendLine($"value {v} {table.Values.GetString(v)}");
        text.AppendLine(string.Join(",", table.RecordStart));
        text.AppendLine(string.Join(",", table.ByRecord));
        foreach (var (key, count) in table.RecordsPerValue.OrderBy(p => p.Key)) text.Append($"{key}:{count} ");
        return text.ToString();
    }
}
