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
    private readonly record struct Carried(int Identifier, int Value, int Record);

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

    public static WrittenTable Write(ResolutionResult result, ClusterIdText clusterIds, TableDestination to)
    {
        var observations = result.Observations;
        var graph = result.Graph;
        var goldenColumn = graph.Identifiers
            .Select(i => graph.Golden?.Identifiers.ToList().FindIndex(g => g.Name == i.Name) ?? -1).ToArray();
        var names = graph.Identifiers.Select(i => i.Name).ToArray();
        var sortedNames = names.Order(CodePointOrder.Instance).ToList();
        var identifierRank = names.Select(n => sortedNames.IndexOf(n)).ToArray();
        var identifierNames = names.Select(Encoding.UTF8.GetBytes).ToArray();
        var compare = new CarriedOrder(identifierRank, observations.Values);

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
        var carried = new List<Carried>();
        for (var row = 0; row < result.Golden.Count; row++) // golden rows are in dinmo_id order
        {
            var cluster = result.Golden.Cluster[row];
            carried.Clear();
            foreach (var record in result.Clusters.MembersOf(cluster))
            {
                foreach (var o in observations.OfRecord(record))
                {
                    if (observations.IsUsable(o)) carried.Add(new Carried(observations.Identifier[o], observations.Value[o], record));
                }
            }
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(carried).Sort(compare);
            var id = clusterIds[cluster];
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
}
