using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary><c>identity_golden</c>: one row per valid cluster, sorted by dinmo_id (SPEC §6).</summary>
internal static class GoldenTableBuilder
{
    public static OutputTable Build(ResolutionResult result, string runId)
    {
        var golden = result.Golden;
        var records = result.Records;
        var config = result.Graph.Golden;
        var order = Enumerable.Range(0, golden.Count)
            .OrderBy(row => result.DinmoIds[golden.Cluster[row]], CodePointOrder.Instance).ToArray();

        var columns = new List<(string, IArrowType)> { ("dinmo_id", ColumnTypes.Text) };
        var arrays = new List<IArrowArray> { Texts(order.Select(row => result.DinmoIds[golden.Cluster[row]])) };
        for (var g = 0; g < (config?.Identifiers.Count ?? 0); g++)
        {
            columns.Add((config!.Identifiers[g].Name, ColumnTypes.Text));
            var values = golden.IdentifierValue[g];
            arrays.Add(Texts(order.Select(row => values[row] < 0 ? null : result.Observations.Values.GetString(values[row]))));
        }
        for (var f = 0; f < result.Loaded.Fields.Length; f++)
        {
            var field = result.Loaded.Fields[f];
            columns.Add((field.Name, field.OutputType));
            arrays.Add(GoldenFieldArray.Build(field, order.Select(row => golden.FieldValue[f][row])));
        }
        columns.Add(("representative_entity_key_name", ColumnTypes.Text));
        arrays.Add(Texts(order.Select(row => records.ModelName(golden.Representative[row]))));
        columns.Add(("representative_entity_key_value", ColumnTypes.Text));
        arrays.Add(Texts(order.Select(row => records.KeyString(golden.Representative[row]))));

        var count = new Int64Array.Builder();
        var models = ColumnTypes.TextListBuilder();
        var first = ColumnTypes.InstantBuilder();
        var last = ColumnTypes.InstantBuilder();
        foreach (var row in order)
        {
            var members = result.Clusters.MembersOf(golden.Cluster[row]).ToArray();
            count.Append(members.Length);
            models.AppendTexts(members.Select(m => records.ModelName(m)).Distinct().Order(CodePointOrder.Instance));
            first.AppendInstant(golden.FirstSeen[row]);
            last.AppendInstant(golden.LastSeen[row]);
        }
        columns.Add(("record_count", ColumnTypes.Int64));
        arrays.Add(count.Build());
        columns.Add(("source_models", ColumnTypes.TextList));
        arrays.Add(models.Build());
        columns.Add(("first_seen_at", ColumnTypes.Instant));
        arrays.Add(first.Build());
        columns.Add(("last_seen_at", ColumnTypes.Instant));
        arrays.Add(last.Build());
        columns.Add(("run_id", ColumnTypes.Text));
        arrays.Add(Texts(order.Select(_ => runId)));
        return OutputTable.Create(TableNames.Golden, columns, arrays, order.Length);
    }

    internal static StringArray Texts(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var v in values) builder.AppendText(v);
        return builder.Build();
    }
}
