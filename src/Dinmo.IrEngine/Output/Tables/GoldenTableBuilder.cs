using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary><c>identity_golden</c>: one row per valid cluster, sorted by dinmo_id (SPEC §6).</summary>
internal static class GoldenTableBuilder
{
    /// <summary>Golden rows in dinmo_id order (the order of this table and of <c>identity_matched_ids</c>).</summary>
    public static int[] RowOrder(ResolutionResult result)
    {
        var golden = result.Golden;
        var order = new int[golden.Count];
        var ids = new UInt128[golden.Count];
        for (var row = 0; row < order.Length; row++)
        {
            order[row] = row;
            ids[row] = result.DinmoIdValues[golden.Cluster[row]]!.Value.Bits;
        }
        System.Array.Sort(ids, order);
        return order;
    }

    public static OutputTable Build(ResolutionResult result, int[] order, string runId)
    {
        var golden = result.Golden;
        var records = result.Records;
        var config = result.Graph.Golden;
        var modelNames = records.ModelNamesUtf8;

        var columns = new List<(string, IArrowType)> { ("dinmo_id", ColumnTypes.Text) };
        var arrays = new List<IArrowArray> { TextColumn.Of(order.Length, (b, i) => b.Append(result.DinmoIds[golden.Cluster[order[i]]]), 36) };
        for (var g = 0; g < (config?.Identifiers.Count ?? 0); g++)
        {
            columns.Add((config!.Identifiers[g].Name, ColumnTypes.Text));
            var values = golden.IdentifierValue[g];
            arrays.Add(TextColumn.Of(order.Length, (b, i) =>
            {
                var value = values[order[i]];
                if (value < 0) b.AppendNull();
                else b.Append(result.Observations.Values[value]);
            }));
        }
        for (var f = 0; f < result.Loaded.Fields.Length; f++)
        {
            var field = result.Loaded.Fields[f];
            columns.Add((field.Name, field.OutputType));
            arrays.Add(GoldenFieldArray.Build(field, order.Select(row => golden.FieldValue[f][row])));
        }
        columns.Add(("representative_entity_key_name", ColumnTypes.Text));
        arrays.Add(TextColumn.Of(order.Length, (b, i) => b.Append(modelNames[records.Model[golden.Representative[order[i]]]])));
        columns.Add(("representative_entity_key_value", ColumnTypes.Text));
        arrays.Add(TextColumn.Of(order.Length, (b, i) => b.Append(records.Keys, records.LoadIndex[golden.Representative[order[i]]])));

        var count = new long[order.Length];
        var models = new TextListColumnBuilder(order.Length);
        var first = ColumnTypes.InstantBuilder();
        var last = ColumnTypes.InstantBuilder();
        var modelsByName = Enumerable.Range(0, modelNames.Length).OrderBy(m => records.ModelNames[m], CodePointOrder.Instance).ToArray();
        var present = new bool[modelNames.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var row = order[i];
            var members = result.Clusters.MembersOf(golden.Cluster[row]);
            count[i] = members.Length;
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
        }
        columns.Add(("record_count", ColumnTypes.Int64));
        arrays.Add(NumberColumn.Of(count));
        columns.Add(("source_models", ColumnTypes.TextList));
        arrays.Add(models.Build());
        columns.Add(("first_seen_at", ColumnTypes.Instant));
        arrays.Add(first.Build());
        columns.Add(("last_seen_at", ColumnTypes.Instant));
        arrays.Add(last.Build());
        columns.Add(("run_id", ColumnTypes.Text));
        arrays.Add(TextColumn.Repeat(runId, order.Length));
        return OutputTable.Create(TableNames.Golden, columns, arrays, order.Length);
    }
}
