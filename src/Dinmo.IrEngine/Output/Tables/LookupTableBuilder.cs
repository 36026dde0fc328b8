using System.Text;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_lookup</c>: one row per observation, raw and standardized, blocked or not; sorted by
/// model_name, entity_key, identifier, standardized_value (then source column and raw value, so
/// that equal rows from two columns still come out in one order). Records already come in
/// (model, key) order and hold their observations together, so only each record's few
/// observations are sorted, by UTF-8 bytes (code-point order).
/// </summary>
internal static class LookupTableBuilder
{
    public static OutputTable Build(ResolutionResult result)
    {
        var observations = result.Observations;
        var raw = result.Loaded.Observations;
        var graph = result.Graph;
        var records = result.Records;
        var identifierRank = Ranks(graph.Identifiers.Select(i => i.Name).ToArray());
        var sourceRank = Ranks(raw.Sources.Select(s => s.Column).ToArray());
        Comparison<int> compare = (a, b) =>
        {
            var c = identifierRank[observations.Identifier[a]].CompareTo(identifierRank[observations.Identifier[b]]);
            if (c == 0) c = observations.Values[observations.Value[a]].SequenceCompareTo(observations.Values[observations.Value[b]]);
            if (c == 0) c = sourceRank[observations.Source[a]].CompareTo(sourceRank[observations.Source[b]]);
            return c != 0 ? c : raw.Raw[observations.Raw[a]].SequenceCompareTo(raw.Raw[observations.Raw[b]]);
        };
        var rows = new int[observations.Count];
        var next = 0;
        for (var r = 0; r < records.Count; r++)
        {
            var start = next;
            foreach (var o in observations.OfRecord(r)) rows[next++] = o;
            if (next - start > 1) rows.AsSpan(start, next - start).Sort(compare);
        }

        var modelNames = records.ModelNamesUtf8;
        var identifierNames = graph.Identifiers.Select(i => Encoding.UTF8.GetBytes(i.Name)).ToArray();
        var sourceColumns = raw.Sources.Select(s => Encoding.UTF8.GetBytes(s.Column)).ToArray();
        var blockNames = Enum.GetValues<BlockReason>().ToDictionary(b => b, b => BlockReasonNames.Name(b) is { } n ? Encoding.UTF8.GetBytes(n) : null);
        var blocked = new bool[next];
        for (var i = 0; i < next; i++) blocked[i] = observations.Block[rows[i]] != BlockReason.None;
        return OutputTable.Create(TableNames.Lookup,
            [("model_name", ColumnTypes.Text), ("entity_key", ColumnTypes.Text), ("identifier", ColumnTypes.Text),
             ("source_column", ColumnTypes.Text), ("raw_value", ColumnTypes.Text), ("standardized_value", ColumnTypes.Text),
             ("is_blocked", ColumnTypes.Flag), ("block_reason", ColumnTypes.Text)],
            [TextColumn.Of(next, (b, i) => b.Append(modelNames[records.Model[observations.Record[rows[i]]]])),
             TextColumn.Of(next, (b, i) => b.Append(records.Keys, records.LoadIndex[observations.Record[rows[i]]])),
             TextColumn.Of(next, (b, i) => b.Append(identifierNames[observations.Identifier[rows[i]]])),
             TextColumn.Of(next, (b, i) => b.Append(sourceColumns[observations.Source[rows[i]]])),
             TextColumn.Of(next, (b, i) => b.Append(raw.Raw, observations.Raw[rows[i]])),
             TextColumn.Of(next, (b, i) => b.Append(observations.Values[observations.Value[rows[i]]])),
             NumberColumn.Flags(blocked),
             TextColumn.Of(next, (b, i) =>
             {
                 if (blockNames[observations.Block[rows[i]]] is { } name) b.Append(name);
                 else b.AppendNull();
             })],
            next);
    }

    /// <summary>Each name's position among the distinct names in code-point order (equal names, equal ranks).</summary>
    private static int[] Ranks(string[] names)
    {
        var distinct = names.Distinct().Order(CodePointOrder.Instance).ToList();
        return names.Select(n => distinct.IndexOf(n)).ToArray();
    }
}
