using System.Runtime.CompilerServices;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Output;

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
    /// offsets at 2 steps, then their bytes at 1 step.
    /// </summary>
    private const int PrefetchStep = 8;

    /// <summary>Writes the table of <paramref name="rows"/>; with <paramref name="resolved"/>, also the profile each event's profile resolves to today.</summary>
    public static WrittenTable Write(TableDestination to, string name, ProfileGraph graph, int[] rows, bool resolved)
    {
        var keys = graph.Keys;
        var at = graph.Attributions;
        using var ids = ProfileIds(graph, out var resolvedOf);
        var columns = new TableColumns<int>()
            .Prefetch(4 * PrefetchStep, row => at.Prefetch(row))
            .Prefetch(2 * PrefetchStep, row =>
            {
                if (at.Key(row) is var key and >= 0) keys.PrefetchOffsets(at.Model(row), key);
                if (at.Profile(row) is var profile and >= 0)
                {
                    ids.PrefetchOffsets(profile);
                    CacheHint.Prefetch(ref resolvedOf[profile]);
                }
            })
            .Prefetch(PrefetchStep, row =>
            {
                if (at.Key(row) is var key and >= 0) keys.PrefetchBytes(at.Model(row), key);
                if (at.Profile(row) is var profile and >= 0)
                {
                    ids.PrefetchBytes(profile);
                    ids.PrefetchOffsets(resolvedOf[profile]);
                }
            })
            .Prefetch(PrefetchStep / 2, row =>
            {
                if (at.Profile(row) is var profile and >= 0) ids.PrefetchBytes(resolvedOf[profile]);
            })
            .Utf8("model_name", row => keys.Models.Utf8(at.Model(row)), 12)
            .Utf8OrNull("event_key", row => at.Key(row) >= 0, row => keys.Utf8(at.Model(row), at.Key(row)))
            .Instant("event_timestamp", at.Timestamp)
            .Utf8OrNull("dinmo_stitched_profile_id", row => at.Profile(row) >= 0, row => ids[at.Profile(row)], 36);
        if (resolved) columns.Utf8OrNull(ResolvedColumn, row => at.Profile(row) >= 0, row => ids[resolvedOf[at.Profile(row)]], 36);
        return columns
            .Utf8("attribution_status", row => AttributionReasonText.IsStitched(at.Reason(row)) ? Stitched : Excluded, 8)
            .Utf8("reason", row => AttributionReasonText.Utf8(at.Reason(row)), 8)
            .Utf8OrNull("matched_identifier", row => at.Matched(row) >= 0, row => graph.IdentifierNames.Utf8(at.Matched(row)), 8)
            .Utf8("run_id", row => graph.RunIds.Utf8(at.Run(row)))
            .Write(to, name, rows);
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
