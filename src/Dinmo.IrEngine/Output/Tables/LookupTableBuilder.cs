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
/// observations are sorted, by UTF-8 bytes (code-point order), and rows stream out record by
/// record in chunks.
/// </summary>
internal static class LookupTableBuilder
{
    /// <summary>Model name and entity key are about 20 bytes; raw and standardized values about 20 each.</summary>
    private const int BytesPerText = 24;

    public static WrittenTable Write(ResolutionResult result, TableDestination to)
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

        var modelNames = records.ModelNamesUtf8;
        var identifierNames = graph.Identifiers.Select(i => Encoding.UTF8.GetBytes(i.Name)).ToArray();
        var sourceColumns = raw.Sources.Select(s => Encoding.UTF8.GetBytes(s.Column)).ToArray();
        // By reason number: an array lookup per row instead of a dictionary one.
        var blockNames = new byte[]?[Enum.GetValues<BlockReason>().Max(b => (int)b) + 1];
        foreach (var b in Enum.GetValues<BlockReason>()) blockNames[(int)b] = BlockReasonNames.Name(b) is { } n ? Encoding.UTF8.GetBytes(n) : null;

        var capacity = ChunkedTableWriter.ChunkCapacity(to, observations.Count);
        var model = new TextColumnBuilder(capacity, BytesPerText);
        var key = new TextColumnBuilder(capacity, BytesPerText);
        var identifier = new TextColumnBuilder(capacity, 8);
        var source = new TextColumnBuilder(capacity, 8);
        var rawValue = new TextColumnBuilder(capacity, BytesPerText);
        var value = new TextColumnBuilder(capacity, BytesPerText);
        var isBlocked = new FlagColumnBuilder(capacity);
        var blockReason = new TextColumnBuilder(capacity, 4);
        using var output = new ChunkedTableWriter(to, TableNames.Lookup,
            [("model_name", ColumnTypes.Text, model), ("entity_key", ColumnTypes.Text, key), ("identifier", ColumnTypes.Text, identifier),
             ("source_column", ColumnTypes.Text, source), ("raw_value", ColumnTypes.Text, rawValue), ("standardized_value", ColumnTypes.Text, value),
             ("is_blocked", ColumnTypes.Flag, isBlocked), ("block_reason", ColumnTypes.Text, blockReason)]);

        var rows = new List<int>();
        for (var r = 0; r < records.Count; r++)
        {
            var ofRecord = observations.OfRecord(r);
            if (ofRecord.Length == 0) continue;
            rows.Clear();
            foreach (var o in ofRecord) rows.Add(o);
            if (rows.Count > 1) System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows).Sort(compare);
            var modelName = modelNames[records.Model[r]];
            var loadIndex = records.LoadIndex[r];
            foreach (var o in rows)
            {
                model.Append(modelName);
                key.Append(records.Keys, loadIndex);
                identifier.Append(identifierNames[observations.Identifier[o]]);
                source.Append(sourceColumns[observations.Source[o]]);
                rawValue.Append(raw.Raw, observations.Raw[o]);
                value.Append(observations.Values[observations.Value[o]]);
                var block = observations.Block[o];
                isBlocked.Append(block != BlockReason.None);
                if (blockNames[(int)block] is { } name) blockReason.Append(name);
                else blockReason.AppendNull();
                output.EndRow();
            }
        }
        return output.Complete();
    }

    /// <summary>Each name's position among the distinct names in code-point order (equal names, equal ranks).</summary>
    private static int[] Ranks(string[] names)
    {
        var distinct = names.Distinct().Order(CodePointOrder.Instance).ToList();
        return names.Select(n => distinct.IndexOf(n)).ToArray();
    }
}
