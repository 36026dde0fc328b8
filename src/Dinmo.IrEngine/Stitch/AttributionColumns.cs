using Apache.Arrow;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Builds the attribution table (output, and the state's <c>events</c>) from the graph's
/// <see cref="AttributionTable"/> columns in one pass over the sorted rows: text columns copy UTF-8
/// bytes (keys, profile ids, names) into <see cref="TextColumnBuilder"/>s, no string per row.
/// </summary>
internal static class AttributionColumns
{
    /// <summary>The attribution column that only the output table has (the state keeps direct profile ids).</summary>
    public const string ResolvedColumn = "resolved_dinmo_stitched_profile_id";

    /// <summary>The table of <paramref name="rows"/>; with <paramref name="resolved"/>, also the profile each event's profile resolves to today.</summary>
    public static OutputTable Build(string name, ProfileGraph graph, int[] rows, bool resolved)
    {
        var table = graph.Attributions;
        var keys = graph.Keys;
        var profiles = graph.Profiles;
        var n = rows.Length;
        TextColumnBuilder Text(int bytesPerValue) => new(n, bytesPerValue);
        var (model, key, profile, resolvedTo) = (Text(12), Text(16), Text(36), Text(36));
        var (status, reason, matched, run) = (Text(8), Text(8), Text(8), Text(16));
        var timestamp = ColumnTypes.InstantBuilder().Reserve(n);
        byte[] stitched = "stitched"u8.ToArray(), excluded = "excluded"u8.ToArray();
        foreach (var row in rows)
        {
            var m = table.Model(row);
            model.Append(keys.Models.Utf8(m));
            var k = table.Key(row);
            if (k < 0) key.AppendNull();
            else key.Append(keys.Utf8(m, k));
            timestamp.AppendInstant(table.Timestamp(row));
            var p = table.Profile(row);
            if (p < 0)
            {
                profile.AppendNull();
                resolvedTo.AppendNull();
            }
            else
            {
                profile.Append(profiles[p].IdUtf8);
                resolvedTo.Append(profiles[p].Resolve().IdUtf8);
            }
            var why = table.Reason(row);
            status.Append(AttributionReasonText.IsStitched(why) ? stitched : excluded);
            reason.Append(AttributionReasonText.Utf8(why));
            var identifier = table.Matched(row);
            if (identifier < 0) matched.AppendNull();
            else matched.Append(graph.IdentifierNames.Utf8(identifier));
            run.Append(graph.RunIds.Utf8(table.Run(row)));
        }
        var columns = new List<(string, Apache.Arrow.Types.IArrowType, IArrowArray)>
        {
            ("model_name", ColumnTypes.Text, model.BuildPadded()), ("event_key", ColumnTypes.Text, key.BuildPadded()),
            ("event_timestamp", ColumnTypes.Instant, timestamp.Build()), ("dinmo_stitched_profile_id", ColumnTypes.Text, profile.BuildPadded()),
        };
        if (resolved) columns.Add((ResolvedColumn, ColumnTypes.Text, resolvedTo.BuildPadded()));
        columns.Add(("attribution_status", ColumnTypes.Text, status.BuildPadded()));
        columns.Add(("reason", ColumnTypes.Text, reason.BuildPadded()));
        columns.Add(("matched_identifier", ColumnTypes.Text, matched.BuildPadded()));
        columns.Add(("run_id", ColumnTypes.Text, run.BuildPadded()));
        return OutputTable.Create(name, columns.Select(c => (c.Item1, c.Item2)).ToList(), columns.Select(c => c.Item3).ToList(), n);
    }

    /// <summary>
    /// Row indexes in table order: by model name, then key (null first), timestamp, reason — in code
    /// point order. Keys are unique per model, so keyed rows follow the precomputed key ranks and only
    /// the (few) unkeyed rows are sorted; unkeyed rows that tie are identical in every column.
    /// </summary>
    public static int[] Sorted(ProfileGraph graph)
    {
        var table = graph.Attributions;
        var keys = graph.Keys;
        var modelRanks = keys.Models.Ranks();
        var keyRanks = keys.Ranks();
        var unkeyed = new List<int>[keys.Models.Count];
        for (var m = 0; m < unkeyed.Length; m++) unkeyed[m] = [];
        for (var row = 0; row < table.Count; row++)
            if (table.Key(row) < 0) unkeyed[table.Model(row)].Add(row);

        var sorted = new List<int>(table.Count);
        var models = Enumerable.Range(0, keys.Models.Count).OrderBy(m => modelRanks[m]);
        foreach (var m in models)
        {
            unkeyed[m].Sort((a, b) => table.Timestamp(a) != table.Timestamp(b) ? table.Timestamp(a).CompareTo(table.Timestamp(b))
                : AttributionReasonText.Ranks[(int)table.Reason(a)].CompareTo(AttributionReasonText.Ranks[(int)table.Reason(b)]));
            sorted.AddRange(unkeyed[m]);
            var byRank = new int[keyRanks[m].Length];
            for (var key = 0; key < byRank.Length; key++) byRank[keyRanks[m][key]] = key;
            foreach (var key in byRank)
                if (keys.RowOf(m, key) is var row and >= 0) sorted.Add(row);
        }
        return sorted.ToArray();
    }
}
