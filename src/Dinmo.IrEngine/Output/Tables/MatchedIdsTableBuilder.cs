using Apache.Arrow;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_matched_ids</c>: one row per (cluster, identifier, usable value) of every valid
/// cluster, with the records carrying it and whether it is the golden value; sorted by dinmo_id,
/// identifier, value.
/// </summary>
internal static class MatchedIdsTableBuilder
{
    public static OutputTable Build(ResolutionResult result)
    {
        var observations = result.Observations;
        var graph = result.Graph;
        var goldenColumn = graph.Identifiers
            .Select(i => graph.Golden?.Identifiers.ToList().FindIndex(g => g.Name == i.Name) ?? -1).ToArray();
        var rows = new List<(string Id, string Identifier, string Value, int Records, bool IsGolden)>();
        var counts = new Dictionary<(int Identifier, int Value), int>();
        var lastRecord = new Dictionary<(int, int), int>();
        for (var row = 0; row < result.Golden.Count; row++)
        {
            counts.Clear();
            lastRecord.Clear();
            var cluster = result.Golden.Cluster[row];
            foreach (var record in result.Clusters.MembersOf(cluster))
            {
                foreach (var o in observations.OfRecord(record))
                {
                    if (!observations.IsUsable(o)) continue;
                    var key = ((int)observations.Identifier[o], observations.Value[o]);
                    if (lastRecord.TryGetValue(key, out var last) && last == record) continue;
                    lastRecord[key] = record;
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
            foreach (var ((identifier, value), records) in counts)
            {
                var g = goldenColumn[identifier];
                var isGolden = g >= 0 && result.Golden.IdentifierValue[g][row] == value;
                rows.Add((result.DinmoIds[cluster]!, graph.Identifiers[identifier].Name,
                    observations.Values.GetString(value), records, isGolden));
            }
        }
        rows.Sort((a, b) =>
        {
            var c = CodePointOrder.Instance.Compare(a.Id, b.Id);
            if (c == 0) c = CodePointOrder.Instance.Compare(a.Identifier, b.Identifier);
            return c != 0 ? c : CodePointOrder.Instance.Compare(a.Value, b.Value);
        });
        var count = new Int64Array.Builder();
        var golden = new BooleanArray.Builder();
        foreach (var r in rows)
        {
            count.Append(r.Records);
            golden.Append(r.IsGolden);
        }
        return OutputTable.Create(TableNames.MatchedIds,
            [("dinmo_id", ColumnTypes.Text), ("identifier", ColumnTypes.Text), ("value", ColumnTypes.Text),
             ("record_count", ColumnTypes.Int64), ("is_golden", ColumnTypes.Flag)],
            [GoldenTableBuilder.Texts(rows.Select(r => r.Id)), GoldenTableBuilder.Texts(rows.Select(r => r.Identifier)),
             GoldenTableBuilder.Texts(rows.Select(r => r.Value)), count.Build(), golden.Build()],
            rows.Count);
    }
}
