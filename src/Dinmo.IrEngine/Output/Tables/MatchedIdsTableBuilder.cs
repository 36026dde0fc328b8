using System.Text;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_matched_ids</c>: one row per (cluster, identifier, usable value) of every valid
/// cluster, with the records carrying it and whether it is the golden value; sorted by dinmo_id,
/// identifier, value. Clusters are visited in dinmo_id order, so only each cluster's own values are
/// sorted (identifier name, then UTF-8 bytes, which is code-point order).
/// </summary>
internal static class MatchedIdsTableBuilder
{
    /// <summary>Rows are gathered in parallel chunks of this many clusters (in cluster order); the bytes never depend on threads.</summary>
    public const int ChunkClusters = 4096;

    private readonly record struct Carried(int Identifier, int Value, int Record);

    /// <summary>One row of the table but its dinmo_id and is_golden: a usable value of a cluster and how many of its records carry it.</summary>
    private readonly record struct MatchedValue(int Identifier, int Value, int Records);

    /// <summary>Identifier name, then value by UTF-8 bytes (code-point order), then record; a struct so the sort calls it directly.</summary>
    private readonly struct CarriedOrder(int[] identifierRank, Standardize.ValueDictionary values) : IComparer<Carried>
    {
        public int Compare(Carried a, Carried b)
        {
            var c = identifierRank[a.Identifier].CompareTo(identifierRank[b.Identifier]);
            if (c == 0 && a.Value != b.Value) c = values[a.Value].SequenceCompareTo(values[b.Value]);
            return c != 0 ? c : a.Record.CompareTo(b.Record);
        }
    }

    /// <param name="chunkClusters">Clusters gathered per parallel chunk; smaller only in tests, to cross chunks with few clusters.</param>
    public static WrittenTable Write(ResolutionResult result, ClusterIdText clusterIds, TableDestination to, int threads = 1,
        int chunkClusters = ChunkClusters)
    {
        var observations = result.Observations;
        var graph = result.Graph;
        var goldenColumn = graph.Identifiers
            .Select(i => graph.Golden?.Identifiers.ToList().FindIndex(g => g.Name == i.Name) ?? -1).ToArray();
        var identifierNames = graph.Identifiers.Select(i => Encoding.UTF8.GetBytes(i.Name)).ToArray();
        using var gathered = Gather(result, threads, chunkClusters);

        // About four rows a cluster on the demo graph; a chunk at most.
        var capacity = ChunkedTableWriter.ChunkCapacity(to, (int)Math.Min(int.MaxValue, result.Golden.Count * 4L));
        var ids = new TextColumnBuilder(capacity, StableIds.DinmoId.TextLength);
        var identifiers = new TextColumnBuilder(capacity, 8);
        var values = new TextColumnBuilder(capacity, 20);
        var counts = new ValueColumnBuilder<long>(ColumnTypes.Int64, capacity);
        var isGolden = new FlagColumnBuilder(capacity);
        using var output = new ChunkedTableWriter(to, TableNames.MatchedIds,
            [("dinmo_id", ColumnTypes.Text, ids), ("identifier", ColumnTypes.Text, identifiers), ("value", ColumnTypes.Text, values),
             ("record_count", ColumnTypes.Int64, counts), ("is_golden", ColumnTypes.Flag, isGolden)]);
        for (var row = 0; row < result.Golden.Count; row++) // golden rows are in dinmo_id order
        {
            var id = clusterIds[result.Golden.Cluster[row]];
            foreach (var (identifier, value, records) in gathered.Of(row))
            {
                var g = goldenColumn[identifier];
                ids.Append(id);
                identifiers.Append(identifierNames[identifier]);
                values.Append(observations.Values[value]);
                counts.Append(records);
                isGolden.Append(g >= 0 && result.Golden.IdentifierValue[g][row] == value);
                output.EndRow();
            }
        }
        return output.Complete();
    }

    /// <summary>
    /// Every golden row's values, sorted, gathered in cluster order (<see cref="Golden.GoldenTable.InClusterOrder"/>)
    /// where members and observations are read nearly in sequence; the table is then written in
    /// dinmo_id order from these compact runs instead of from the scattered members.
    /// </summary>
    private static GatheredValues Gather(ResolutionResult result, int threads, int chunkClusters)
    {
        var observations = result.Observations;
        var names = result.Graph.Identifiers.Select(i => i.Name).ToArray();
        var sortedNames = names.Order(CodePointOrder.Instance).ToList();
        var compare = new CarriedOrder(names.Select(n => sortedNames.IndexOf(n)).ToArray(), observations.Values);
        var buildOrder = Golden.GoldenTable.InClusterOrder(result.Golden.Cluster);
        var gathered = new GatheredValues(result.Golden.Count, ParallelChunks.Count(buildOrder.Length, chunkClusters));
        ParallelChunks.For(buildOrder.Length, chunkClusters, threads, (chunk, start, end) =>
        {
            var into = gathered.Chunks[chunk] = new GrowableArray<MatchedValue>(chunkClusters * 4);
            var carried = new List<Carried>();
            for (var k = start; k < end; k++)
            {
                var row = buildOrder[k];
                carried.Clear();
                foreach (var record in result.Clusters.MembersOf(result.Golden.Cluster[row]))
                {
                    foreach (var o in observations.OfRecord(record))
                    {
                        if (observations.IsUsable(o)) carried.Add(new Carried(observations.Identifier[o], observations.Value[o], record));
                    }
                }
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(carried).Sort(compare);
                gathered.Chunk[row] = chunk;
                gathered.Start[row] = into.Count;
                for (var i = 0; i < carried.Count;)
                {
                    var (identifier, value, _) = carried[i];
                    var records = 0;
                    var last = -1;
                    for (; i < carried.Count && carried[i].Identifier == identifier && carried[i].Value == value; i++)
                    {
                        if (carried[i].Record != last) records++;
                        last = carried[i].Record;
                    }
                    into.Add(new MatchedValue(identifier, value, records));
                }
                gathered.Length[row] = into.Count - gathered.Start[row];
            }
        });
        return gathered;
    }

    /// <summary>The gathered values: golden row → (chunk, start, length) into the chunks' runs.</summary>
    private sealed class GatheredValues(int rows, int chunks) : IDisposable
    {
        public GrowableArray<MatchedValue>[] Chunks { get; } = new GrowableArray<MatchedValue>[chunks];
        public int[] Chunk { get; } = new int[rows];
        public int[] Start { get; } = new int[rows];
        public int[] Length { get; } = new int[rows];

        public ReadOnlySpan<MatchedValue> Of(int row) => Chunks[Chunk[row]].AsSpan().Slice(Start[row], Length[row]);

        public void Dispose()
        {
            foreach (var chunk in Chunks) chunk?.Dispose();
        }
    }
}
