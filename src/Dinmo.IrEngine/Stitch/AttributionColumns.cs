using System.Runtime.CompilerServices;
using Apache.Arrow;
using Dinmo.IrEngine.Columnar;
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
    public static OutputTable Build(string name, ProfileGraph graph, int[] rows, bool resolved, int threads)
    {
        var keys = graph.Keys;
        var at = Gather(graph.Attributions, rows, threads);
        using var ids = ProfileIds(graph, out var resolvedOf);
        var columns = new List<(string Name, Apache.Arrow.Types.IArrowType Type, Func<IArrowArray> Build)>
        {
            ("model_name", ColumnTypes.Text, () => Text(rows.Length, 12, (b, i) => b.Append(keys.Models.Utf8(at.Model[i])))),
            ("event_key", ColumnTypes.Text, () => Text(rows.Length, 16, (b, i) =>
            {
                if (at.Key[i] is var key and >= 0) b.Append(keys.Utf8(at.Model[i], key));
                else b.AppendNull();
            })),
            ("event_timestamp", ColumnTypes.Instant, () => Timestamps(at.Timestamp)),
            ("dinmo_stitched_profile_id", ColumnTypes.Text, () => ProfileIdText(at.Profile, ids)),
        };
        if (resolved) columns.Add((ResolvedColumn, ColumnTypes.Text, () => ProfileIdText(Resolved(at.Profile, resolvedOf), ids)));
        columns.Add(("attribution_status", ColumnTypes.Text, () => Text(rows.Length, 8,
            (b, i) => b.Append(AttributionReasonText.IsStitched(at.Reason[i]) ? Stitched : Excluded))));
        columns.Add(("reason", ColumnTypes.Text, () => Text(rows.Length, 8, (b, i) => b.Append(AttributionReasonText.Utf8(at.Reason[i])))));
        columns.Add(("matched_identifier", ColumnTypes.Text, () => Text(rows.Length, 8, (b, i) =>
        {
            if (at.Matched[i] is var identifier and >= 0) b.Append(graph.IdentifierNames.Utf8(identifier));
            else b.AppendNull();
        })));
        columns.Add(("run_id", ColumnTypes.Text, () => Text(rows.Length, 16, (b, i) => b.Append(graph.RunIds.Utf8(at.Run[i])))));
        // Each column only reads the gathered rows and fills its own builder: built side by side.
        var arrays = new IArrowArray[columns.Count];
        ParallelActions.Run([.. columns.Select((c, i) => (Action)(() => arrays[i] = c.Build()))], threads);
        return OutputTable.Create(name, columns.Select(c => (c.Name, c.Type)).ToList(), arrays, rows.Length);
    }

    private static readonly byte[] Stitched = "stitched"u8.ToArray();
    private static readonly byte[] Excluded = "excluded"u8.ToArray();

    /// <summary>The attribution columns of <paramref name="rows"/>, in that order.</summary>
    private sealed record SortedAttribution(byte[] Model, int[] Key, long[] Timestamp, int[] Profile, AttributionReason[] Reason, short[] Matched, int[] Run);

    private const int GatherChunkRows = 1 << 16;

    /// <summary>
    /// Copies the table's columns into table order once, on the run's threads: rows are in processing (time)
    /// order, so reading them by <paramref name="rows"/> jumps; every column then reads straight through.
    /// </summary>
    private static SortedAttribution Gather(AttributionTable table, int[] rows, int threads)
    {
        var n = rows.Length;
        var at = new SortedAttribution(new byte[n], new int[n], new long[n], new int[n], new AttributionReason[n], new short[n], new int[n]);
        ParallelChunks.For(n, GatherChunkRows, threads, (_, start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                at.Model[i] = (byte)table.Model(row);
                at.Key[i] = table.Key(row);
                at.Timestamp[i] = table.Timestamp(row);
                at.Profile[i] = table.Profile(row);
                at.Reason[i] = table.Reason(row);
                at.Matched[i] = (short)table.Matched(row);
                at.Run[i] = table.Run(row);
            }
        });
        return at;
    }

    /// <summary>Every profile's id in one buffer by profile index (one read per row instead of three), and the index each resolves to.</summary>
    private static Utf8Column ProfileIds(ProfileGraph graph, out int[] resolvedOf)
    {
        var profiles = graph.Profiles;
        var ids = new Utf8Column(profiles.Count, profiles.Count * 36);
        foreach (var profile in profiles) ids.Add(profile.IdUtf8);
        resolvedOf = graph.SurvivorIndexes();
        return ids;
    }

    /// <summary>One text column of <paramref name="count"/> rows, each loop runs fully optimized from its first row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static StringArray Text(int count, int bytesPerValue, Action<TextColumnBuilder, int> append)
    {
        var builder = new TextColumnBuilder(count, bytesPerValue);
        for (var i = 0; i < count; i++) append(builder, i);
        return builder.BuildPadded();
    }

    /// <summary>How many rows ahead <see cref="ProfileIdText"/> starts loading a profile's id: offsets twice as far, bytes this far.</summary>
    private const int IdPrefetchDistance = 16;

    /// <summary>
    /// The id of each row's profile (-1: null). Rows are in table order and profiles in creation order, so every
    /// id is a random read in megabytes of ids: the offsets and then the bytes are prefetched rows ahead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static StringArray ProfileIdText(int[] profiles, Utf8Column ids)
    {
        var builder = new TextColumnBuilder(profiles.Length, 36);
        for (var i = 0; i < profiles.Length; i++)
        {
            if (i + 2 * IdPrefetchDistance < profiles.Length && profiles[i + 2 * IdPrefetchDistance] is var far and >= 0) ids.PrefetchOffsets(far);
            if (i + IdPrefetchDistance < profiles.Length && profiles[i + IdPrefetchDistance] is var near and >= 0) ids.PrefetchBytes(near);
            if (profiles[i] is var profile and >= 0) builder.Append(ids[profile]);
            else builder.AppendNull();
        }
        return builder.BuildPadded();
    }

    /// <summary>The profile each row's profile resolves to today (-1 stays -1).</summary>
    private static int[] Resolved(int[] profiles, int[] resolvedOf)
    {
        var resolved = GC.AllocateUninitializedArray<int>(profiles.Length);
        for (var i = 0; i < profiles.Length; i++) resolved[i] = profiles[i] >= 0 ? resolvedOf[profiles[i]] : -1;
        return resolved;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TimestampArray Timestamps(long[] timestamps)
    {
        var builder = ColumnTypes.InstantBuilder().Reserve(timestamps.Length);
        foreach (var timestamp in timestamps) builder.AppendInstant(timestamp);
        return builder.Build();
    }

    /// <summary>
    /// Row indexes in table order: by model name, then key (null first), timestamp, reason — in code
    /// point order. Keys are unique per model, so keyed rows follow the precomputed key ranks and only
    /// the (few) unkeyed rows are sorted; unkeyed rows that tie are identical in every column.
    /// </summary>
    // Called once per run (or table): full optimization from the start, not a tier-0 loop until on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Sorted(ProfileGraph graph, int threads)
    {
        var table = graph.Attributions;
        var keys = graph.Keys;
        var modelRanks = keys.Models.Ranks();
        var keyRanks = keys.Ranks(threads);
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
