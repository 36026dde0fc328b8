using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;
using Dinmo.IrEngine.Standardize;

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

    private const string ValueStatusTable = "profile_value_status";

    // value_states' profiles, by their row in profiles (a profile's index): an int instead of an id's 36 bytes, and the
    // writer reads no profile.
    private const string CurrentProfile = "current_profile";
    private const string TouchedProfiles = "touched_profiles";
    private const string ActivePastLifetime = "active_past_lifetime";

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
    public static void Read(string stateDirectory, ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies)
    {
        try
        {
            ReadRows(stateDirectory, graph, policies);
        }
        catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException)
        {
            Throw.Input($"stitching state is unreadable ({error.Message}); rerun with --full", stateDirectory, inner: error);
        }
    }

    private static void ReadRows(string stateDirectory, ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies)
    {
        var rank = policies.ToDictionary(p => p.Name, p => p.Rank, StringComparer.Ordinal);
        var utf8 = new ValidUtf8();
        var profiles = StateTable.Read(stateDirectory, "profiles");
        var mergedInto = new List<(EventProfile Profile, string Into)>();
        var byRow = new EventProfile[checked((int)profiles.RowCount)]; // value_states names profiles by their row here
        foreach (var (b, r, row) in profiles.Rows().Select((x, row) => (x.Batch, x.Row, row)).OrderBy(x => profiles.Int64(x.Batch, x.Row, "created_sequence")))
        {
            var profile = new EventProfile(graph.Sightings, graph.Profiles.Count, profiles.Text(b, r, "id")!, profiles.Int64(b, r, "created_sequence")!.Value,
                profiles.Instant(b, r, "created_at"))
            {
                FirstSeen = profiles.Instant(b, r, "first_seen_at"), LastSeen = profiles.Instant(b, r, "last_seen_at"),
                EventCount = profiles.Int64(b, r, "event_count") ?? 0,
                MergedRunId = profiles.Text(b, r, "merged_run_id"), MergedVia = profiles.Text(b, r, "merged_via"),
            };
            graph.Add(profile);
            byRow[row] = profile;
            if (profiles.Text(b, r, "merged_into") is { } into) mergedInto.Add((profile, into));
        }
        graph.IndexProfiles(); // a damaged state may list an id twice
        foreach (var (profile, into) in mergedInto) graph.SetMergedInto(profile, Profile(graph, into, stateDirectory));

        // The state's own profile_values, or the output's identifier values with the flags that restore the stored status.
        EventProfile ProfileOf(ReadOnlySpan<byte> id) => graph.FindProfile(utf8.Of(id)) ?? Profile(graph, System.Text.Encoding.UTF8.GetString(id), stateDirectory);

        // Columns that repeat a few texts are looked up once per text, not decoded on every row (RepeatedTexts).
        var identifierOf = new RepeatedTexts<int>(name => rank.TryGetValue(name, out var identifier) ? identifier : -1);
        var statusOf = new RepeatedTexts<ValueStatus>(ValueStatusText.Parse);

        var own = HasOwn(stateDirectory, "profile_values");
        var values = StateOrOutput(stateDirectory, "profile_values", StitchTableNames.IdentifierValues);
        var profileColumn = own ? "profile_id" : "dinmo_stitched_profile_id";
        var flags = own ? null : StateTable.Read(stateDirectory, ValueStatusTable);
        if (flags is not null && flags.RowCount != values.RowCount)
            throw new FormatException($"{flags.File} has {flags.RowCount} rows for the {values.RowCount} of {values.File}");
        using var flagRows = flags?.Rows().GetEnumerator();
        var states = StateTable.Read(stateDirectory, "value_states");
        // Sized once: most values are on one profile, and each held one has a state.
        graph.Values.Reserve(Columnar.ColumnBuffers.Reservation(values.RowCount + states.RowCount),
            Columnar.ColumnBuffers.Reservation(values.RowCount + states.RowCount // and a byte of rank each
                + values.Batches.Sum(b => TextBytes(values.Texts(b, "value"))) + states.Batches.Sum(b => TextBytes(states.Texts(b, "value")))));
        graph.ProfileValues.Reserve(Columnar.ColumnBuffers.Reservation(values.RowCount));
        // Values and profile ids are looked up a batch at a time (PendingValues), so that their random reads overlap.
        var pending = new PendingValues(1 << 16);
        var (ids, profileIndexes, identifiers) = (new int[0], new int[0], new int[0]);
        void Room(int rows)
        {
            if (ids.Length < rows) (ids, profileIndexes, identifiers) = (new int[rows], new int[rows], new int[rows]);
        }
        void InternValues(StateTable table, Apache.Arrow.RecordBatch batch)
        {
            var (names, texts) = (table.Texts(batch, "identifier"), table.Texts(batch, "value"));
            pending.Clear();
            for (var r = 0; r < batch.Length; r++)
            {
                identifiers[r] = identifierOf.Of(table.Required(names, r, "identifier"));
                if (identifiers[r] < 0) pending.AddNone();
                else graph.Values.Stage(pending, identifiers[r], utf8.Of(texts.GetBytes(r)));
            }
            graph.Values.Intern(pending, ids.AsSpan(0, batch.Length));
        }

        foreach (var batch in values.Batches)
        {
            Room(batch.Length);
            InternValues(values, batch);
            var profileIds = values.Texts(batch, profileColumn);
            pending.Clear();
            for (var r = 0; r < batch.Length; r++)
                if (identifiers[r] < 0) pending.AddNone();
                else graph.StageProfileId(pending, utf8.Of(values.Required(profileIds, r, profileColumn)));
            graph.FindProfiles(pending, profileIndexes.AsSpan(0, batch.Length));
            var (statuses, firstSeen, lastSeen, counts) = (values.Texts(batch, "status"), values.Instants(batch, "first_seen_at"),
                values.Instants(batch, "last_seen_at"), values.Int64s(batch, "event_count"));
            for (var r = 0; r < batch.Length; r++)
            {
                var activePastLifetime = flagRows is not null && flagRows.MoveNext() && flags!.Flag(flagRows.Current.Batch, flagRows.Current.Row, ActivePastLifetime);
                var identifier = identifiers[r];
                if (identifier < 0) continue; // an identifier no longer configured
                var profile = profileIndexes[r] >= 0 ? graph.Profiles[profileIndexes[r]] : ProfileOf(profileIds.GetBytes(r)); // throws: no such profile
                ref var value = ref graph.ProfileValues[graph.ProfileValues.Attach(profile.Index, ids[r], identifier, out var added)];
                if (!added) throw new FormatException($"profile {profile.Id} lists value {values.Text(batch, r, "value")} twice");
                value.Status = statusOf.Of(values.Required(statuses, r, "status"));
                if (activePastLifetime)
                {
                    if (value.Status != ValueStatus.Expired) throw new FormatException($"{flags!.File} flags a value shown {values.Text(batch, r, "status")}");
                    value.Status = ValueStatus.Active;
                }
                value.FirstSeen = StateTable.Instant(firstSeen, r);
                value.LastSeen = StateTable.Instant(lastSeen, r);
                value.EventCount = counts.GetValue(r) ?? 0;
            }
        }

        // A state written before value_states named profiles by their row in profiles names them by id.
        var byId = !states.Has(CurrentProfile);
        foreach (var batch in states.Batches)
        {
            Room(batch.Length);
            InternValues(states, batch);
            var (currentRows, lastSeen, quarantined) = byId ? (null, states.Instants(batch, "last_seen_at"), states.Flags(batch, "quarantined"))
                : (states.Int64s(batch, CurrentProfile), states.Instants(batch, "last_seen_at"), states.Flags(batch, "quarantined"));
            var touchedRows = byId ? null : states.Lists(batch, TouchedProfiles);
            var touchedItems = touchedRows is null ? null : touchedRows.Values as Apache.Arrow.Int64Array
                ?? throw new FormatException($"{TouchedProfiles} of {states.File} is not a list of integers");
            for (var r = 0; r < batch.Length; r++)
            {
                if (identifiers[r] < 0) continue; // an identifier no longer configured
                var id = ids[r];
                graph.States.Grow(id + 1);
                graph.States.Held(id) = true;
                var current = byId ? states.Text(batch, r, "current_profile_id") is { } currentId ? Profile(graph, currentId, stateDirectory).Index : -1
                    : currentRows!.GetValue(r) is { } currentRow ? ProfileAt(currentRow).Index : -1;
                graph.States.Current(id) = current;
                graph.States.CurrentEntry(id) = current >= 0 ? graph.ProfileValues.Find(current, id) : -1; // -1 for a merged profile: looked up on its survivor
                graph.States.LastSeen(id) = StateTable.Instant(lastSeen, r);
                graph.States.Quarantined(id) = quarantined.GetValue(r) == true;
                if (byId)
                    foreach (var p in states.TextList(batch, r, "touched")) graph.States.Touch(id, Profile(graph, p, stateDirectory).Index);
                else
                    for (var i = touchedRows!.ValueOffsets[r]; i < touchedRows.ValueOffsets[r + 1]; i++)
                        graph.States.Touch(id, ProfileAt(touchedItems!.GetValue(i) ?? throw new FormatException($"a null in {TouchedProfiles} of {states.File}")).Index);
            }
        }
        EventProfile ProfileAt(long row) => row >= 0 && row < byRow.Length ? byRow[row]
            : throw new FormatException($"value_states names profile row {row}, and profiles has {byRow.Length} rows");

        // A row per processed event (ten million at 10M events): read a batch at a time, a column at a time.
        var events = StateOrOutput(stateDirectory, "events", StitchTableNames.Attribution, streamed: true);
        var modelOf = new RepeatedTexts<int>(graph.Keys.Model);
        var matchedOf = new RepeatedTexts<int>(graph.IdentifierNames.Intern);
        var runOf = new RepeatedTexts<int>(graph.RunIds.Intern);
        var (keyIds, modelIds) = (new int[0], new int[0]);
        foreach (var batch in events.Batches)
        {
            var (models, keys, timestamps) = (events.Texts(batch, "model_name"), events.Texts(batch, "event_key"), events.Instants(batch, "event_timestamp"));
            var (profileIds, reasons, statuses) = (events.Texts(batch, "dinmo_stitched_profile_id"), events.Texts(batch, "reason"), events.Texts(batch, "attribution_status"));
            var (matches, runs) = (events.Texts(batch, "matched_identifier"), events.Texts(batch, "run_id"));
            Room(batch.Length);
            if (keyIds.Length < batch.Length) (keyIds, modelIds) = (new int[batch.Length], new int[batch.Length]);
            // Keys and profile ids are looked up a batch at a time (PendingValues), so that their random reads overlap: keys
            // a run of one model at a time (rows are sorted by model), unkeyed rows (not processed keys) skipped.
            for (var r = 0; r < batch.Length; r++) modelIds[r] = keys.IsNull(r) ? -1 : modelOf.Of(events.Required(models, r, "model_name"));
            for (var start = 0; start < batch.Length;)
            {
                var model = modelIds[start];
                var end = start + 1;
                while (end < batch.Length && modelIds[end] == model) end++;
                if (model >= 0)
                {
                    pending.Clear();
                    for (var r = start; r < end; r++) graph.Keys.Stage(model, pending, utf8.Of(keys.GetBytes(r)));
                    graph.Keys.Intern(model, pending, keyIds.AsSpan(start, end - start));
                }
                start = end;
            }
            pending.Clear();
            for (var r = 0; r < batch.Length; r++)
                if (modelIds[r] < 0 || profileIds.IsNull(r)) pending.AddNone();
                else graph.StageProfileId(pending, utf8.Of(profileIds.GetBytes(r)));
            graph.FindProfiles(pending, profileIndexes.AsSpan(0, batch.Length));
            for (var r = 0; r < batch.Length; r++)
            {
                var model = modelIds[r];
                if (model < 0) continue; // the attribution table's unkeyed rows: not processed keys
                var key = keyIds[r];
                var timestamp = StateTable.Instant(timestamps, r);
                var profile = profileIds.IsNull(r) ? -1 : profileIndexes[r] >= 0 ? profileIndexes[r] : ProfileOf(profileIds.GetBytes(r)).Index; // throws: no such profile
                var reason = AttributionReasonText.Parse(events.Required(reasons, r, "reason"), events.Required(statuses, r, "attribution_status"));
                var matched = matches.IsNull(r) ? -1 : matchedOf.Of(matches.GetBytes(r));
                var run = runOf.Of(events.Required(runs, r, "run_id"));
                graph.Keys.RowOf(model, key) = graph.Attributions.Add(model, key, timestamp, profile, reason, matched, run);
                graph.Watermark = Math.Max(graph.Watermark, timestamp);
            }
        }

        var audit = StateOrOutput(stateDirectory, "audit", StitchTableNames.AuditEvents, streamed: true);
        var textOf = new RepeatedTexts<string>(text => text); // one string per distinct text, shared by the rows
        string? OptionalText(Apache.Arrow.StringArray texts, int row) => texts.IsNull(row) ? null : textOf.Of(texts.GetBytes(row));
        string RequiredText(Apache.Arrow.StringArray texts, int row, string column) => textOf.Of(audit.Required(texts, row, column));
        AuditProfile RestoredProfile(Apache.Arrow.StringArray ids, int row) => ids.IsNull(row) ? default : new AuditProfile(null, ids.GetBytes(row).ToArray());
        foreach (var batch in audit.Batches)
        {
            var (models, keys, timestamps, steps) = (audit.Texts(batch, "model_name"), audit.Texts(batch, "event_key"), audit.Instants(batch, "event_timestamp"),
                audit.Int64s(batch, "step"));
            var (changes, profileIds, others) = (audit.Texts(batch, "change_type"), audit.Texts(batch, "dinmo_stitched_profile_id"),
                audit.Texts(batch, "other_dinmo_stitched_profile_id"));
            var (identifierNames, auditValues, details, runs) = (audit.Texts(batch, "identifier"), audit.Texts(batch, "value"), audit.Texts(batch, "detail"),
                audit.Texts(batch, "run_id"));
            for (var r = 0; r < batch.Length; r++)
                graph.Audit.Add(new AuditEvent(RequiredText(models, r, "model_name"), AuditKey.Restored(keys.GetBytes(r)), StateTable.Instant(timestamps, r),
                    (int)(steps.GetValue(r) ?? 0), RequiredText(changes, r, "change_type"), RestoredProfile(profileIds, r), RestoredProfile(others, r),
                    OptionalText(identifierNames, r), auditValues.IsNull(r) ? default : AuditValue.Restored(auditValues.GetBytes(r)),
                    RequiredText(details, r, "detail"), RequiredText(runs, r, "run_id")));
        }

        var window = StateTable.Read(stateDirectory, "partition_window");
        foreach (var (b, r) in window.Rows())
            graph.PartitionWindow[window.Text(b, r, "model_name")!] = window.Int64(b, r, "partition_max")!.Value;
    }

    /// <summary>The state's own table <paramref name="name"/> when it has one, else the Arrow output table published with it.</summary>
    private static StateTable StateOrOutput(string stateDirectory, string name, string outputTable, bool streamed = false)
    {
        var (directory, table) = HasOwn(stateDirectory, name) ? (stateDirectory, name) : (Path.GetDirectoryName(Path.GetFullPath(stateDirectory))!, outputTable);
        return streamed ? StateTable.Stream(directory, table) : StateTable.Read(directory, table);
    }

    /// <summary>Whether the state holds its own table <paramref name="name"/> rather than leaving it to an output table.</summary>
    /// <summary>The UTF-8 bytes a text column's cells hold in all.</summary>
    private static long TextBytes(Apache.Arrow.StringArray texts) => texts.Length == 0 ? 0 : texts.ValueOffsets[texts.Length] - texts.ValueOffsets[0];

    private static bool HasOwn(string stateDirectory, string name) => File.Exists(Path.Combine(stateDirectory, name + ".arrow"));

    private static EventProfile Profile(ProfileGraph graph, string id, string stateDirectory) =>
        graph.FindProfile(id) is { } profile
            ? profile
            : Throw.Input<EventProfile>($"stitching state names profile {id}, which it does not hold; rerun with --full", stateDirectory);
}
