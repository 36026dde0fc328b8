using System.Runtime.CompilerServices;
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
        var columns = new List<(string, Apache.Arrow.Types.IArrowType, IArrowArray)>
        {
            ("model_name", ColumnTypes.Text, Text(rows, 12, (b, row) => b.Append(keys.Models.Utf8(table.Model(row))))),
            ("event_key", ColumnTypes.Text, Text(rows, 16, (b, row) =>
            {
                if (table.Key(row) is var key and >= 0) b.Append(keys.Utf8(table.Model(row), key));
                else b.AppendNull();
            })),
            ("event_timestamp", ColumnTypes.Instant, Timestamps(table, rows)),
            ("dinmo_stitched_profile_id", ColumnTypes.Text, Text(rows, 36, (b, row) =>
            {
                if (table.Profile(row) is var profile and >= 0) b.Append(profiles[profile].IdUtf8);
                else b.AppendNull();
            })),
        };
        if (resolved)
        {
            columns.Add((ResolvedColumn, ColumnTypes.Text, Text(rows, 36, (b, row) =>
            {
                if (table.Profile(row) is var profile and >= 0) b.Append(profiles[profile].Resolve().IdUtf8);
                else b.AppendNull();
            })));
        }
        columns.Add(("attribution_status", ColumnTypes.Text, Text(rows, 8,
            (b, row) => b.Append(AttributionReasonText.IsStitched(table.Reason(row)) ? Stitched : Excluded))));
        columns.Add(("reason", ColumnTypes.Text, Text(rows, 8, (b, row) => b.Append(AttributionReasonText.Utf8(table.Reason(row))))));
        columns.Add(("matched_identifier", ColumnTypes.Text, Text(rows, 8, (b, row) =>
        {
            if (table.Matched(row) is var identifier and >= 0) b.Append(graph.IdentifierNames.Utf8(identifier));
            else b.AppendNull();
        })));
        columns.Add(("run_id", ColumnTypes.Text, Text(rows, 16, (b, row) => b.Append(graph.RunIds.Utf8(table.Run(row))))));
        return OutputTable.Create(name, columns.Select(c => (c.Item1, c.Item2)).ToList(), columns.Select(c => c.Item3).ToList(), rows.Length);
    }

    private static readonly byte[] Stitched = "stitched"u8.ToArray();
    private static readonly byte[] Excluded = "excluded"u8.ToArray();

    /// <summary>One text column, a column at a time: each loop touches one builder and runs fully optimized from its first row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static StringArray Text(int[] rows, int bytesPerValue, Action<TextColumnBuilder, int> append)
    {
        var builder = new TextColumnBuilder(rows.Length, bytesPerValue);
        foreach (var row in rows) append(builder, row);
        return builder.BuildPadded();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TimestampArray Timestamps(AttributionTable table, int[] rows)
    {
        var builder = ColumnTypes.InstantBuilder().Reserve(rows.Length);
        foreach (var row in rows) builder.AppendInstant(table.Timestamp(row));
        return builder.Build();
    }

    /// <summary>
    /// Row indexes in table order: by model name, then key (null first), timestamp, reason — in code
    /// point order. Keys are unique per model, so keyed rows follow the precomputed key ranks and only
    /// the (few) unkeyed rows are sorted; unkeyed rows that tie are identical in every column.
    /// </summary>
    // Called once per run (or table): full optimization from the start, not a tier-0 loop until on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
