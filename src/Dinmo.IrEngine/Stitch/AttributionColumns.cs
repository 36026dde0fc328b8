using System.Runtime.CompilerServices;
using Dinmo.IrEngine.Columnar;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Writes the attribution table (output, and the state's <c>events</c> for formats other than Arrow)
/// from the graph's <see cref="AttributionTable"/> columns in one pass over the sorted rows: text
/// columns copy UTF-8 bytes (keys, profile ids, names), no string per row.
/// </summary>
internal static class AttributionColumns
{
    /// <summary>The attribution column that only the output table has (the state keeps direct profile ids).</summary>
    public const string ResolvedColumn = "resolved_dinmo_stitched_profile_id";

    /// <summary>
    /// How many rows ahead the reads of a row start: its attribution (rows are in table order, attributions
    /// in processing order, so every row is a random read) at 4 steps, then the key's and profile ids'
    /// offsets at 2 steps, then their bytes (and the resolved id's offsets) at 1 step, the resolved id's bytes at half a step.
    /// </summary>
    private const int PrefetchStep = 8;

    /// <summary>
    /// Writes the table of <paramref name="rows"/>; with <paramref name="resolved"/>, also the profile each event's
    /// profile resolves to today. Ten million rows at 10M events: the columns are appended directly, not through
    /// <see cref="TableColumns{T}"/>'s per-column delegates.
    /// </summary>
    // Called once per table: full optimization from the start, not a tier-0 loop until on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WrittenTable Write(TableDestination to, string name, ProfileGraph graph, int[] rows, bool resolved)
    {
        var keys = graph.Keys;
        var at = graph.Attributions;
        using var ids = ProfileIds(graph, out var resolvedOf);
        var capacity = ChunkedTableWriter.ChunkCapacity(to, rows.Length);
        var model = new TextColumnBuilder(capacity, 12);
        var key = new TextColumnBuilder(capacity, 16);
        var timestamp = new ValueColumnBuilder<long>(ColumnTypes.Instant, capacity);
        var profileId = new TextColumnBuilder(capacity, 36);
        var resolvedId = new TextColumnBuilder(capacity, 36);
        var status = new TextColumnBuilder(capacity, 8);
        var reason = new TextColumnBuilder(capacity, 8);
        var matched = new TextColumnBuilder(capacity, 8);
        var run = new TextColumnBuilder(capacity, 16);
        var columns = new List<(string Name, IArrowType Type, IColumnChunk Column)>
        {
            ("model_name", ColumnTypes.Text, model), ("event_key", ColumnTypes.Text, key), ("event_timestamp", ColumnTypes.Instant, timestamp),
            ("dinmo_stitched_profile_id", ColumnTypes.Text, profileId),
        };
        if (resolved) columns.Add((ResolvedColumn, ColumnTypes.Text, resolvedId));
        columns.AddRange([("attribution_status", ColumnTypes.Text, status), ("reason", ColumnTypes.Text, reason),
            ("matched_identifier", ColumnTypes.Text, matched), ("run_id", ColumnTypes.Text, run)]);
        using var output = new ChunkedTableWriter(to, name, columns);
        for (var i = 0; i < rows.Length; i++)
        {
            Prefetch(i, rows, at, keys, ids, resolvedOf);
            var row = rows[i];
            var m = at.Model(row);
            model.Append(keys.Models.Utf8(m));
            if (at.Key(row) is var k and >= 0) key.Append(keys.Utf8(m, k));
            else key.AppendNull();
            timestamp.AppendInstant(at.Timestamp(row));
            if (at.Profile(row) is var profile and >= 0)
            {
                profileId.Append(ids[profile]);
                if (resolved) resolvedId.Append(ids[resolvedOf[profile]]);
            }
            else
            {
                profileId.AppendNull();
                if (resolved) resolvedId.AppendNull();
            }
            var why = at.Reason(row);
            status.Append(AttributionReasonText.IsStitched(why) ? Stitched : Excluded);
            reason.Append(AttributionReasonText.Utf8(why));
            if (at.Matched(row) is var identifier and >= 0) matched.Append(graph.IdentifierNames.Utf8(identifier));
            else matched.AppendNull();
            run.Append(graph.RunIds.Utf8(at.Run(row)));
            output.EndRow();
        }
        return output.Complete();
    }

    /// <summary>Starts the random reads of the rows <see cref="PrefetchStep"/> multiples ahead of row <paramref name="i"/>, farthest first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(int i, int[] rows, AttributionTable at, EventKeys keys, Utf8Column ids, int[] resolvedOf)
    {
        if (i + 4 * PrefetchStep < rows.Length) at.Prefetch(rows[i + 4 * PrefetchStep]);
        if (i + 2 * PrefetchStep < rows.Length && rows[i + 2 * PrefetchStep] is var far)
        {
            if (at.Key(far) is var key and >= 0) keys.PrefetchOffsets(at.Model(far), key);
            if (at.Profile(far) is var profile and >= 0)
            {
                ids.PrefetchOffsets(profile);
                CacheHint.Prefetch(ref resolvedOf[profile]);
            }
        }
        if (i + PrefetchStep < rows.Length && rows[i + PrefetchStep] is var near)
        {
            if (at.Key(near) is var key and >= 0) keys.PrefetchBytes(at.Model(near), key);
            if (at.Profile(near) is var profile and >= 0)
            {
                ids.PrefetchBytes(profile);
                ids.PrefetchOffsets(resolvedOf[profile]);
            }
        }
        if (i + PrefetchStep / 2 < rows.Length && at.Profile(rows[i + PrefetchStep / 2]) is var next and >= 0) ids.PrefetchBytes(resolvedOf[next]);
    }

    private static readonly byte[] Stitched = "stitched"u8.ToArray();
    private static readonly byte[] Excluded = "excluded"u8.ToArray();

    /// <summary>Every profile's id in one buffer by profile index (one read per row instead of three), and the index each resolves to.</summary>
    private static Utf8Column ProfileIds(ProfileGraph graph, out int[] resolvedOf)
    {
        var profiles = graph.Profiles;
        var ids = new Utf8Column(profiles.Count, profiles.Count * 36);
        foreach (var profile in profiles) ids.Add(profile.IdUtf8);
        resolvedOf = graph.SurvivorIndexes();
        return ids;
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
