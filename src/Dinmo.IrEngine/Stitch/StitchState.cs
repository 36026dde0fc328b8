using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Saves and restores a <see cref="ProfileGraph"/> as Arrow files in <c>&lt;out&gt;/_state/</c>,
/// whatever the output format, so the next run continues the graph (SPEC §9):
/// <c>profiles</c> (every profile, merged ones with their direct merge target), <c>profile_values</c>
/// (values of live profiles with status and sightings), <c>value_states</c> (per value: profile of its
/// latest sighting, last sighting anywhere, quarantine, profiles touched; profiles by their row in <c>profiles</c>,
/// while a state written before names them by id and is read as such), <c>events</c> (the
/// attribution of every keyed event processed: the processed (model, key) set), <c>audit</c>, and
/// <c>partition_window</c> (newest partition value per model). The state is written into the
/// staging folder and published with the outputs, so it always matches them.
/// <para>
/// <c>profile_values</c> holds the rows of <c>identity_event_profile_identifier_values</c> with the stored
/// status, which the output shows as <c>expired</c> once an active value is past its lifetime. With Arrow
/// outputs it is not written either (310 MB at 10M events): the next run reads the output table and
/// <c>profile_value_status</c>, one flag per output row in output order, true where the output's
/// <c>expired</c> stands for a stored <c>active</c>. A state with its own <c>profile_values.arrow</c> is
/// read from that.
/// </para>
/// <para>
/// <c>events</c> and <c>audit</c> repeat output tables row for row (the attribution table has one
/// more column, <c>resolved_dinmo_stitched_profile_id</c>, and unkeyed rows the state skips). With
/// Arrow outputs they are not written a second time (≈ 120 MB per million events): the next run reads
/// <c>identity_event_profile_attribution.arrow</c> and <c>identity_event_profile_audit_events.arrow</c>
/// from the published folder the state sits in. A state that has its own <c>events.arrow</c> and
/// <c>audit.arrow</c> (other output formats, and states written before this change) is read from
/// those. Either file missing is a damaged state: an input error saying to rerun with --full.
/// </para>
/// </summary>
internal static class StitchState
{
    public const string Directory = "_state";

    /// <summary>Where the state tables of a run staged in <paramref name="stagingDirectory"/> go: always Arrow, whatever the output format.</summary>
    public static TableDestination Destination(string stagingDirectory) => new(OutputFormat.Arrow, Path.Combine(stagingDirectory, Directory));

    /// <summary>
    /// Writers of the state tables that repeat no output table: <c>value_states</c>, <c>profile_values</c>
    /// (<paramref name="withProfileValues"/>: for outputs other than Arrow, see <see cref="WriteValueStatus"/>),
    /// <c>profiles</c> and <c>partition_window</c>, the <see cref="LongWriters"/> longest first. They only
    /// read the graph, so they can run at the same time as each other and the output tables.
    /// </summary>
    public static IReadOnlyList<Func<WrittenTable>> Writers(ProfileGraph graph, TableDestination to, int threads, bool withProfileValues)
    {
        var values = graph.Values;
        var states = graph.States;
        var onProfiles = graph.ProfileValues;
        ReadOnlySpan<byte> Name(int identifier) => graph.IdentifierNames.Utf8(identifier);
        List<(EventProfile Profile, int Entry)> ProfileValues()
        {
            // By (created_sequence, identifier rank, value): profiles are held in creation order, so each one's values are sorted on their own.
            var rows = new List<(EventProfile Profile, int Entry)>();
            var mine = new List<int>();
            Comparison<int> byRankThenValue = (x, y) =>
            {
                ref var a = ref onProfiles[x];
                ref var b = ref onProfiles[y];
                return a.Identifier != b.Identifier ? a.Identifier.CompareTo(b.Identifier) : StateValueOrder.Compare(values.Utf8(a.Value), values.Utf8(b.Value));
            };
            foreach (var profile in graph.Profiles)
            {
                if (onProfiles.Count(profile.Index) == 0) continue;
                mine.Clear();
                foreach (var entry in onProfiles.Of(profile.Index)) mine.Add(entry);
                mine.Sort(byRankThenValue);
                foreach (var entry in mine) rows.Add((profile, entry));
            }
            return rows;
        }
        // Every value is in order already (ValueOrder): only the held ones are kept.
        int[] Held() => Array.FindAll(graph.ValueOrderOf(threads).StateOrder, id => states.Held(id));
        return
        [
            () => new TableColumns<int>()
                // Values in table order are random ids: each row's reads are chains (state; offsets, then bytes), started
                // step by step. Profiles are named by their row in profiles (their index), so no profile is read here.
                .Prefetch(24, v => { states.Prefetch(v); values.PrefetchOffsets(v); })
                .Prefetch(12, v => values.PrefetchBytes(v))
                .Utf8("identifier", v => Name(values.Identifier(v))).Utf8("value", v => values.Utf8(v))
                .Int64(CurrentProfile, v => states.Current(v) is var p and >= 0 ? p : null)
                .Instant("last_seen_at", v => states.LastSeen(v)).Flag("quarantined", v => states.Quarantined(v))
                .Int64List(TouchedProfiles, v => states.TouchedCount(v), (v, i) => states.Touched(v, i))
                .Write(to, "value_states", Held()),
            .. (withProfileValues ? [() => new TableColumns<(EventProfile Profile, int Entry)>().PrefetchingValues(onProfiles, values)
                .Utf8("profile_id", r => r.Profile.IdUtf8).Utf8("identifier", r => Name(onProfiles[r.Entry].Identifier))
                .Utf8("value", r => values.Utf8(onProfiles[r.Entry].Value))
                .Text("status", r => ValueStatusText.Of(onProfiles[r.Entry].Status)).Instant("first_seen_at", r => onProfiles[r.Entry].FirstSeen)
                .Instant("last_seen_at", r => onProfiles[r.Entry].LastSeen).Int64("event_count", r => onProfiles[r.Entry].EventCount)
                .Write(to, "profile_values", ProfileValues())] : Array.Empty<Func<WrittenTable>>()),
            () => new TableColumns<EventProfile>()
                .Utf8("id", p => p.IdUtf8).Int64("created_sequence", p => p.CreatedSequence).Instant("created_at", p => p.CreatedAt)
                .Instant("first_seen_at", p => p.FirstSeen).Instant("last_seen_at", p => p.LastSeen).Int64("event_count", p => p.EventCount)
                .Utf8OrNull("merged_into", p => p.MergedInto?.IdUtf8).Text("merged_run_id", p => p.MergedRunId).Text("merged_via", p => p.MergedVia)
                .Write(to, "profiles", graph.Profiles),
            () => new TableColumns<KeyValuePair<string, long>>()
                .Text("model_name", w => w.Key).Int64("partition_max", w => w.Value)
                .Write(to, "partition_window", graph.PartitionWindow.OrderBy(w => w.Key, StringComparer.Ordinal).ToList()),
        ];
    }

    /// <summary>How many of <see cref="Writers"/> write a row per value (millions at 10M events): they come first.</summary>
    public static int LongWriters(bool withProfileValues) => withProfileValues ? 2 : 1;

    /// <summary>
    /// Writes <c>profile_value_status</c> for the output's identifier values <paramref name="rows"/> (in output order):
    /// per row, whether the output's <c>expired</c> stands for a stored <c>active</c> (a value past its lifetime).
    /// </summary>
    public static WrittenTable WriteValueStatus(ProfileGraph graph, TableDestination to, IReadOnlyList<(EventProfile Profile, int Entry)> rows,
        Func<int, ValueStatus> shown) =>
        new TableColumns<(EventProfile Profile, int Entry)>()
            .PrefetchingEntries(graph.ProfileValues) // rows in table order: entries at random
            .Flag(ActivePastLifetime, r => graph.ProfileValues[r.Entry].Status == ValueStatus.Active && shown(r.Entry) == ValueStatus.Expired)
            .Write(to, ValueStatusTable, rows);

    internal const string ValueStatusTable = "profile_value_status";

    // value_states' profiles, by their row in profiles (a profile's index): an int instead of an id's 36 bytes, and the
    // writer reads no profile.
    internal const string CurrentProfile = "current_profile";
    internal const string TouchedProfiles = "touched_profiles";
    internal const string ActivePastLifetime = "active_past_lifetime";

    /// <summary>
    /// Writers of the state tables that repeat output tables, for formats other than Arrow: <c>events</c> (the
    /// keyed attribution rows, without today's resolved profile) and <c>audit</c>.
    /// </summary>
    public static IReadOnlyList<Func<WrittenTable>> RepeatingOutputs(ProfileGraph graph, SortedRows sorted, TableDestination to) =>
    [
        () => AttributionColumns.Write(to, "events", graph, graph.Attributions.AnyUnkeyed ? sorted.Keyed(graph.Attributions) : sorted.Attributions, resolved: false),
        () => StitchTables.AuditColumns().Write(to, "audit", sorted.Audit),
    ];

    /// <summary>Whether the state's <c>events</c> and <c>audit</c> are left to the output tables (Arrow outputs).</summary>
    public static bool ReadsFromOutputs(OutputFormat format) => format == OutputFormat.Arrow;

    /// <summary>
    /// Restores the graph saved by <see cref="Write"/> into the empty <paramref name="graph"/>; identifiers no longer
    /// configured are dropped with their values. A damaged or foreign state (an unknown status or reason, a number
    /// out of range) is an input error that says to rerun with --full, like a missing file or column.
    /// </summary>
    public static void Read(string stateDirectory, ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, int threads = 1)
    {
        try
        {
            using var reader = new StateReader(stateDirectory, graph, policies, threads);
            reader.Read();
        }
        catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException)
        {
            Throw.Input($"stitching state is unreadable ({error.Message}); rerun with --full", stateDirectory, inner: error);
        }
    }

    /// <summary>The state's own table <paramref name="name"/> when it has one, else the Arrow output table published with it.</summary>
    internal static StateTable StateOrOutput(string stateDirectory, string name, string outputTable, bool streamed = false)
    {
        var (directory, table) = HasOwn(stateDirectory, name) ? (stateDirectory, name) : (Path.GetDirectoryName(Path.GetFullPath(stateDirectory))!, outputTable);
        return streamed ? StateTable.Stream(directory, table) : StateTable.Read(directory, table);
    }

    /// <summary>Whether the state holds its own table <paramref name="name"/> rather than leaving it to an output table.</summary>
    internal static bool HasOwn(string stateDirectory, string name) => File.Exists(Path.Combine(stateDirectory, name + ".arrow"));

    /// <summary>The profile a state names by id: one it does not hold is a damaged state.</summary>
    internal static EventProfile Profile(ProfileGraph graph, string id, string stateDirectory) =>
        graph.FindProfile(id) is { } profile
            ? profile
            : Throw.Input<EventProfile>($"stitching state names profile {id}, which it does not hold; rerun with --full", stateDirectory);
}
