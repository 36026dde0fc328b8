using Apache.Arrow;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_lookup</c>: one row per observation, raw and standardized, blocked or not; sorted by
/// model_name, entity_key, identifier, standardized_value (then source column and raw value, so
/// that equal rows from two columns still come out in one order).
/// </summary>
internal static class LookupTableBuilder
{
    public static OutputTable Build(ResolutionResult result)
    {
        var observations = result.Observations;
        var raw = result.Loaded.Observations;
        var graph = result.Graph;
        var rows = Enumerable.Range(0, observations.Count).ToArray();
        var standardized = rows.Select(o => observations.Values.GetString(observations.Value[o])).ToArray();
        var rawText = rows.Select(o => raw.Raw.GetString(observations.Raw[o])!).ToArray();
        System.Array.Sort(rows, (a, b) =>
        {
            var c = observations.Record[a].CompareTo(observations.Record[b]);
            if (c == 0) c = CodePointOrder.Instance.Compare(graph.Identifiers[observations.Identifier[a]].Name, graph.Identifiers[observations.Identifier[b]].Name);
            if (c == 0) c = CodePointOrder.Instance.Compare(standardized[a], standardized[b]);
            if (c == 0) c = CodePointOrder.Instance.Compare(raw.Sources[observations.Source[a]].Column, raw.Sources[observations.Source[b]].Column);
            return c != 0 ? c : CodePointOrder.Instance.Compare(rawText[a], rawText[b]);
        });
        var blocked = new BooleanArray.Builder();
        foreach (var o in rows) blocked.Append(observations.Block[o] != BlockReason.None);
        var records = result.Records;
        return OutputTable.Create(TableNames.Lookup,
            [("model_name", ColumnTypes.Text), ("entity_key", ColumnTypes.Text), ("identifier", ColumnTypes.Text),
             ("source_column", ColumnTypes.Text), ("raw_value", ColumnTypes.Text), ("standardized_value", ColumnTypes.Text),
             ("is_blocked", ColumnTypes.Flag), ("block_reason", ColumnTypes.Text)],
            [GoldenTableBuilder.Texts(rows.Select(o => records.ModelName(observations.Record[o]))),
             GoldenTableBuilder.Texts(rows.Select(o => records.KeyString(observations.Record[o]))),
             GoldenTableBuilder.Texts(rows.Select(o => graph.Identifiers[observations.Identifier[o]].Name)),
             GoldenTableBuilder.Texts(rows.Select(o => raw.Sources[observations.Source[o]].Column)),
             GoldenTableBuilder.Texts(rows.Select(o => rawText[o])),
             GoldenTableBuilder.Texts(rows.Select(o => standardized[o])),
             blocked.Build(),
             GoldenTableBuilder.Texts(rows.Select(o => BlockReasonNames.Name(observations.Block[o])))],
            rows.Length);
    }
}
