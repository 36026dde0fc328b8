using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary><c>identity_golden</c>: one row per valid cluster, sorted by dinmo_id (SPEC §6): the golden rows' own order.</summary>
internal static class GoldenTableBuilder
{
    public static WrittenTable Write(ResolutionResult result, ClusterIdText ids, string runId, TableDestination to)
    {
        var golden = result.Golden;
        var records = result.Records;
        var config = result.Graph.Golden;
        var modelNames = records.ModelNamesUtf8;
        var run = Encoding.UTF8.GetBytes(runId);
        var capacity = ChunkedTableWriter.ChunkCapacity(to, golden.Count);

        var dinmoId = new TextColumnBuilder(capacity, StableIds.DinmoId.TextLength);
        var columns = new List<(string, IArrowType, IColumnChunk)> { ("dinmo_id", ColumnTypes.Text, dinmoId) };
        var identifiers = new TextColumnBuilder[config?.Identifiers.Count ?? 0];
        for (var g = 0; g < identifiers.Length; g++)
        {
            identifiers[g] = new TextColumnBuilder(capacity, 20);
            columns.Add((config!.Identifiers[g].Name, ColumnTypes.Text, identifiers[g]));
        }
        var fields = new GoldenFieldColumn[result.Loaded.Fields.Length];
        for (var f = 0; f < fields.Length; f++)
        {
            fields[f] = new GoldenFieldColumn(result.Loaded.Fields[f], capacity);
            columns.Add((result.Loaded.Fields[f].Name, result.Loaded.Fields[f].OutputType, fields[f]));
        }
        var representativeName = new TextColumnBuilder(capacity, 12);
        var representativeKey = new TextColumnBuilder(capacity, 12);
        var count = new ValueColumnBuilder<long>(ColumnTypes.Int64, capacity);
        var models = new ListColumnBuilder<TextColumnBuilder>((ListType)ColumnTypes.TextList, new TextColumnBuilder(capacity, 12), capacity);
        var first = new ValueColumnBuilder<long>(ColumnTypes.Instant, capacity);
        var last = new ValueColumnBuilder<long>(ColumnTypes.Instant, capacity);
        var runs = new TextColumnBuilder(capacity, run.Length);
        columns.AddRange([
            ("representative_entity_key_name", ColumnTypes.Text, representativeName),
            ("representative_entity_key_value", ColumnTypes.Text, representativeKey),
            ("record_count", ColumnTypes.Int64, count), ("source_models", ColumnTypes.TextList, models),
            ("first_seen_at", ColumnTypes.Instant, first), ("last_seen_at", ColumnTypes.Instant, last), ("run_id", ColumnTypes.Text, runs)]);
        using var output = new ChunkedTableWriter(to, TableNames.Golden, columns);

        var modelsByName = Enumerable.Range(0, modelNames.Length).OrderBy(m => records.ModelNames[m], CodePointOrder.Instance).ToArray();
        var present = new bool[modelNames.Length];
        for (var row = 0; row < golden.Count; row++)
        {
            var cluster = golden.Cluster[row];
            dinmoId.Append(ids[cluster]);
            for (var g = 0; g < identifiers.Length; g++)
            {
                var value = golden.IdentifierValue[g][row];
                if (value < 0) identifiers[g].AppendNull();
                else identifiers[g].Append(result.Observations.Values[value]);
            }
            for (var f = 0; f < fields.Length; f++) fields[f].Append(golden.FieldValue[f][row]);
            var representative = golden.Representative[row];
            representativeName.Append(modelNames[records.Model[representative]]);
            representativeKey.Append(records.Keys, records.LoadIndex[representative]);

            var members = result.Clusters.MembersOf(cluster);
            count.Append(members.Length);
            foreach (var m in members) present[records.Model[m]] = true;
            foreach (var m in modelsByName)
            {
                if (!present[m]) continue;
                models.Items.Append(modelNames[m]);
                present[m] = false;
            }
            models.EndList();
            first.AppendInstant(golden.FirstSeen[row]);
            last.AppendInstant(golden.LastSeen[row]);
            runs.Append(run);
            output.EndRow();
        }
        return output.Complete();
    }
}
