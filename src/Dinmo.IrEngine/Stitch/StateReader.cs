using Apache.Arrow;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Restores a <see cref="ProfileGraph"/> from the state <see cref="StitchState"/> wrote: profiles, then their values and the
/// values' states while (on a second thread, when the run has one) the attribution rows (a row per processed event: ten
/// million at 10M events) and the audit are read, then the partition window. Tables are read a batch at a time, a
/// column at a time: texts that repeat are looked up once per text (<see cref="RepeatedTexts{T}"/>), and keys, values
/// and profile ids a batch at a time (<see cref="PendingValues"/>), so that their random reads overlap. The two long
/// tables are streamed. A damaged state throws <see cref="FormatException"/> (or an input error), which
/// <see cref="StitchState.Read"/> reports.
/// </summary>
internal sealed class StateReader(string stateDirectory, ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, int threads = 1) : IDisposable
{
    private readonly ValidUtf8 _utf8 = new();
    private readonly PendingValues _pending = new(1 << 16);
    private readonly RepeatedTexts<int> _identifierOf = new(name =>
        policies.FirstOrDefault(p => p.Name == name) is { } policy ? policy.Rank : -1); // -1: an identifier no longer configured
    private int[] _ids = [];
    private int[] _profiles = [];
    private int[] _identifiers = [];

    /// <summary>Restores the whole state into the (empty) graph.</summary>
    public void Read()
    {
        var byRow = ReadProfiles();
        // The values, and the attribution rows and audit, fill different parts of the graph (the events read with scratch of
        // their own): at 10M events each side is several seconds of one core, so they take one each when the run has two.
        if (threads > 1)
        {
            using var valuesFailed = new CancellationTokenSource();
            var events = Task.Run(() =>
            {
                ReadEvents(valuesFailed.Token);
                ReadAudit(valuesFailed.Token);
            });
            try
            {
                ReadValues(byRow);
            }
            catch
            {
                valuesFailed.Cancel(); // the events stop at their next batch: the error is reported without waiting for them
                throw;
            }
            finally
            {
                WaitQuietly(events); // the graph is not left to a thread still filling it; a failure of the values wins, as before
            }
            events.GetAwaiter().GetResult(); // its failure as thrown, not wrapped
        }
        else
        {
            ReadValues(byRow);
            ReadEvents();
            ReadAudit();
        }
        using (var window = StateTable.Read(stateDirectory, "partition_window"))
            foreach (var (b, r) in window.Rows())
                graph.PartitionWindow[window.Text(b, r, "model_name")!] = window.Int64(b, r, "partition_max")!.Value;
        graph.ForgetProfileIds(); // only a state's rows name profiles by id
    }

    /// <summary>The profiles, in created_sequence order; returns each by its row in the file (value_states names them so).</summary>
    private EventProfile[] ReadProfiles()
    {
        using var profiles = StateTable.Read(stateDirectory, "profiles");
        var batches = profiles.Batches.ToList();
        var byRow = new EventProfile[checked((int)profiles.RowCount)];
        // The file is in id order: its rows by (created_sequence, row), the row settling ties as a stable sort would.
        var order = new (long Sequence, int Row)[byRow.Length];
        var batchOf = new int[byRow.Length];
        var starts = new int[batches.Count];
        for (int b = 0, row = 0; b < batches.Count; b++)
        {
            starts[b] = row;
            var sequences = profiles.Int64s(batches[b], "created_sequence");
            for (var r = 0; r < batches[b].Length; r++, row++)
            {
                order[row] = (sequences.GetValue(r) ?? throw new FormatException($"a null in created_sequence of {profiles.File}"), row);
                batchOf[row] = b;
            }
        }
        System.Array.Sort(order);
        // A batch's columns are looked up once, not per cell: 655k profiles at 10M events.
        var columns = batches.Select(b => (Ids: profiles.Texts(b, "id"), CreatedAt: profiles.Instants(b, "created_at"),
            FirstSeen: profiles.Instants(b, "first_seen_at"), LastSeen: profiles.Instants(b, "last_seen_at"), Events: profiles.Int64s(b, "event_count"),
            Runs: profiles.Texts(b, "merged_run_id"), Vias: profiles.Texts(b, "merged_via"), Into: profiles.Texts(b, "merged_into"))).ToArray();
        var mergedInto = new List<(EventProfile Profile, int Row)>();
        using RepeatedTexts<string> runOf = new(text => text), viaOf = new(text => text); // one string per distinct text
        foreach (var (sequence, row) in order)
        {
            var (c, r) = (columns[batchOf[row]], row - starts[batchOf[row]]);
            var profile = new EventProfile(graph.Sightings, graph.Profiles.Count, _utf8.Of(profiles.Required(c.Ids, r, "id")), sequence,
                StateTable.Instant(c.CreatedAt, r))
            {
                FirstSeen = StateTable.Instant(c.FirstSeen, r), LastSeen = StateTable.Instant(c.LastSeen, r), EventCount = c.Events.GetValue(r) ?? 0,
                MergedRunId = Optional(runOf, c.Runs, r), MergedVia = Optional(viaOf, c.Vias, r),
            };
            graph.Add(profile);
            byRow[row] = profile;
            if (!c.Into.IsNull(r)) mergedInto.Add((profile, row));
        }
        graph.IndexProfiles(); // a damaged state may list an id twice
        foreach (var (profile, row) in mergedInto)
            graph.SetMergedInto(profile, ProfileOf(columns[batchOf[row]].Into.GetBytes(row - starts[batchOf[row]]), _utf8));
        return byRow;
    }

    /// <summary>
    /// The profiles' values (the state's own profile_values, or the output's identifier values with the flags that restore
    /// the stored status), then the values' states.
    /// </summary>
    private void ReadValues(EventProfile[] byRow)
    {
        var own = StitchState.HasOwn(stateDirectory, "profile_values");
        using var values = StitchState.StateOrOutput(stateDirectory, "profile_values", StitchTableNames.IdentifierValues);
        using var flags = own ? null : StateTable.Read(stateDirectory, StitchState.ValueStatusTable);
        using var states = StateTable.Read(stateDirectory, "value_states");
        if (flags is not null && flags.RowCount != values.RowCount)
            throw new FormatException($"{flags.File} has {flags.RowCount} rows for the {values.RowCount} of {values.File}");
        // Sized once. A value is on a profile, held, or both: the columns take both counts, the table the larger.
        long Bytes(StateTable table) => table.RowCount + table.Batches.Sum(b => TextBytes(table.Texts(b, "value"))); // and a byte of rank each
        var bytes = ColumnBuffers.Reservation(Bytes(values) + Bytes(states));
        graph.Values.ReserveColumns(ColumnBuffers.Reservation(values.RowCount + states.RowCount), bytes);
        graph.Values.Reserve(ColumnBuffers.Reservation(Math.Max(values.RowCount, states.RowCount)), bytes);
        graph.ProfileValues.Reserve(ColumnBuffers.Reservation(values.RowCount));
        ReadProfileValues(values, own ? "profile_id" : "dinmo_stitched_profile_id", flags);
        ReadValueStates(states, byRow);
    }

    private void ReadProfileValues(StateTable values, string profileColumn, StateTable? flags)
    {
        using var flagRows = flags?.Rows().GetEnumerator();
        using var statusOf = new RepeatedTexts<ValueStatus>(ValueStatusText.Parse);
        foreach (var batch in values.Batches)
        {
            InternValues(values, batch);
            var profileIds = new TextCells(values.Texts(batch, profileColumn));
            _pending.Clear();
            for (var r = 0; r < batch.Length; r++)
                if (_identifiers[r] < 0) _pending.AddNone();
                else graph.StageProfileId(_pending, _utf8.Of(values.Required(profileIds, r, profileColumn)));
            graph.FindProfiles(_pending, _profiles.AsSpan(0, batch.Length));
            var statuses = new TextCells(values.Texts(batch, "status"));
            var (firstSeen, lastSeen, counts) = (values.Instants(batch, "first_seen_at"), values.Instants(batch, "last_seen_at"), values.Int64s(batch, "event_count"));
            for (var r = 0; r < batch.Length; r++)
            {
                // The flags follow the table row for row, the rows of identifiers no longer configured too.
                var activePastLifetime = flagRows is not null && flagRows.MoveNext() && flags!.Flag(flagRows.Current.Batch, flagRows.Current.Row, StitchState.ActivePastLifetime);
                var identifier = _identifiers[r];
                if (identifier < 0) continue;
                var profile = _profiles[r] >= 0 ? graph.Profiles[_profiles[r]] : ProfileOf(profileIds[r], _utf8); // throws: no such profile
                ref var value = ref graph.ProfileValues[graph.ProfileValues.Attach(profile.Index, _ids[r], identifier, out var added)];
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
    }

    private void ReadValueStates(StateTable states, EventProfile[] byRow)
    {
        // A state written before value_states named profiles by their row in profiles names them by id.
        var byId = !states.Has(StitchState.CurrentProfile);
        var indexOfRow = System.Array.ConvertAll(byRow, p => p.Index);
        int IndexAt(long row) => row >= 0 && row < indexOfRow.Length ? indexOfRow[row]
            : throw new FormatException($"value_states names profile row {row}, and profiles has {indexOfRow.Length} rows");
        foreach (var batch in states.Batches)
        {
            InternValues(states, batch);
            graph.States.Grow(graph.Values.Count);
            var (lastSeen, quarantined) = (states.Instants(batch, "last_seen_at"), states.Flags(batch, "quarantined"));
            var currentRows = byId ? null : states.Int64s(batch, StitchState.CurrentProfile);
            var touchedRows = byId ? null : states.Lists(batch, StitchState.TouchedProfiles);
            var touchedItems = touchedRows is null ? null : touchedRows.Values as Int64Array
                ?? throw new FormatException($"{StitchState.TouchedProfiles} of {states.File} is not a list of integers");
            for (var r = 0; r < batch.Length; r++)
            {
                // Rows are in value order, their ids at random: a value's state and its entry on its profile are loaded ahead.
                if (r + ReadAhead < batch.Length && _identifiers[r + ReadAhead] >= 0)
                {
                    graph.States.Prefetch(_ids[r + ReadAhead]);
                    if (currentRows?.GetValue(r + ReadAhead) is { } ahead && ahead >= 0 && ahead < indexOfRow.Length)
                        graph.ProfileValues.PrefetchIndex(indexOfRow[ahead], _ids[r + ReadAhead]);
                }
                if (_identifiers[r] < 0) continue; // an identifier no longer configured
                var id = _ids[r];
                graph.States.Held(id) = true;
                var current = byId ? states.Text(batch, r, "current_profile_id") is { } currentId ? StitchState.Profile(graph, currentId, stateDirectory).Index : -1
                    : currentRows!.GetValue(r) is { } currentRow ? IndexAt(currentRow) : -1;
                graph.States.Current(id) = current;
                graph.States.CurrentEntry(id) = current >= 0 ? graph.ProfileValues.Find(current, id) : -1; // -1 for a merged profile: looked up on its survivor
                graph.States.LastSeen(id) = StateTable.Instant(lastSeen, r);
                graph.States.Quarantined(id) = quarantined.GetValue(r) == true;
                if (byId)
                    foreach (var p in states.TextList(batch, r, "touched")) graph.States.Touch(id, StitchState.Profile(graph, p, stateDirectory).Index);
                else
                    for (var i = touchedRows!.ValueOffsets[r]; i < touchedRows.ValueOffsets[r + 1]; i++)
                        graph.States.Touch(id, IndexAt(touchedItems!.GetValue(i) ?? throw new FormatException($"a null in {StitchState.TouchedProfiles} of {states.File}")));
            }
        }
    }

    /// <summary>How many rows ahead the random reads of a value's state start.</summary>
    private const int ReadAhead = 16;

    /// <summary>The attribution rows of processed events: the state's own events, or the output's attribution table (its keyed rows).</summary>
    private void ReadEvents(CancellationToken stop = default)
    {
        using var events = StitchState.StateOrOutput(stateDirectory, "events", StitchTableNames.Attribution, streamed: true);
        using var modelOf = new RepeatedTexts<int>(graph.Keys.Model);
        using var matchedOf = new RepeatedTexts<int>(graph.IdentifierNames.Intern);
        using var runOf = new RepeatedTexts<int>(graph.RunIds.Intern);
        var (pending, utf8) = (new PendingValues(1 << 16), new ValidUtf8()); // its own: the values may be read meanwhile
        int[] keyIds = [], modelIds = [], profiles = [];
        foreach (var batch in events.Batches)
        {
            stop.ThrowIfCancellationRequested();
            var timestamps = events.Instants(batch, "event_timestamp");
            var models = new TextCells(events.Texts(batch, "model_name"));
            var keys = new TextCells(events.Texts(batch, "event_key"));
            var profileIds = new TextCells(events.Texts(batch, "dinmo_stitched_profile_id"));
            var reasons = new TextCells(events.Texts(batch, "reason"));
            var statuses = new TextCells(events.Texts(batch, "attribution_status"));
            var matches = new TextCells(events.Texts(batch, "matched_identifier"));
            var runs = new TextCells(events.Texts(batch, "run_id"));
            if (keyIds.Length < batch.Length) (keyIds, modelIds, profiles) = (new int[batch.Length], new int[batch.Length], new int[batch.Length]);
            // Keys a run of one model at a time (rows are sorted by model); unkeyed rows (not processed keys) are skipped.
            for (var r = 0; r < batch.Length; r++) modelIds[r] = keys.IsNull(r) ? -1 : modelOf.Of(events.Required(models, r, "model_name"));
            for (var start = 0; start < batch.Length;)
            {
                var model = modelIds[start];
                var end = start + 1;
                while (end < batch.Length && modelIds[end] == model) end++;
                if (model >= 0)
                {
                    pending.Clear();
                    for (var r = start; r < end; r++) graph.Keys.Stage(model, pending, utf8.Of(keys[r]));
                    graph.Keys.Intern(model, pending, keyIds.AsSpan(start, end - start));
                }
                start = end;
            }
            pending.Clear();
            for (var r = 0; r < batch.Length; r++)
                if (modelIds[r] < 0 || profileIds.IsNull(r)) pending.AddNone();
                else graph.StageProfileId(pending, utf8.Of(profileIds[r]));
            graph.FindProfiles(pending, profiles.AsSpan(0, batch.Length));
            for (var r = 0; r < batch.Length; r++)
            {
                var model = modelIds[r];
                if (model < 0) continue;
                var key = keyIds[r];
                var timestamp = StateTable.Instant(timestamps, r);
                var profile = profileIds.IsNull(r) ? -1 : profiles[r] >= 0 ? profiles[r] : ProfileOf(profileIds[r], utf8).Index; // throws: no such profile
                var reason = AttributionReasonText.Parse(events.Required(reasons, r, "reason"), events.Required(statuses, r, "attribution_status"));
                var matched = matches.IsNull(r) ? -1 : matchedOf.Of(matches[r]);
                var run = runOf.Of(events.Required(runs, r, "run_id"));
                graph.Keys.RowOf(model, key) = graph.Attributions.Add(model, key, timestamp, profile, reason, matched, run);
                graph.Watermark = Math.Max(graph.Watermark, timestamp);
            }
        }
    }

    /// <summary>The audit rows: the state's own audit, or the output's audit table. Their texts become one string per distinct text of a column.</summary>
    private void ReadAudit(CancellationToken stop = default)
    {
        using var audit = StitchState.StateOrOutput(stateDirectory, "audit", StitchTableNames.AuditEvents, streamed: true);
        using RepeatedTexts<string> modelOf = new(text => text), changeOf = new(text => text), identifierOf = new(text => text),
            detailOf = new(text => text), runOf = new(text => text);
        static AuditProfile RestoredProfile(StringArray ids, int row) => ids.IsNull(row) ? default : new AuditProfile(null, ids.GetBytes(row).ToArray());
        foreach (var batch in audit.Batches)
        {
            stop.ThrowIfCancellationRequested();
            var (models, keys, timestamps, steps) = (audit.Texts(batch, "model_name"), audit.Texts(batch, "event_key"), audit.Instants(batch, "event_timestamp"),
                audit.Int64s(batch, "step"));
            var (changes, profileIds, others) = (audit.Texts(batch, "change_type"), audit.Texts(batch, "dinmo_stitched_profile_id"),
                audit.Texts(batch, "other_dinmo_stitched_profile_id"));
            var (identifiers, values, details, runs) = (audit.Texts(batch, "identifier"), audit.Texts(batch, "value"), audit.Texts(batch, "detail"),
                audit.Texts(batch, "run_id"));
            for (var r = 0; r < batch.Length; r++)
                graph.Audit.Add(new AuditEvent(modelOf.Of(audit.Required(models, r, "model_name")), AuditKey.Restored(keys.GetBytes(r)),
                    StateTable.Instant(timestamps, r), (int)(steps.GetValue(r) ?? 0), changeOf.Of(audit.Required(changes, r, "change_type")),
                    RestoredProfile(profileIds, r), RestoredProfile(others, r), Optional(identifierOf, identifiers, r),
                    values.IsNull(r) ? default : AuditValue.Restored(values.GetBytes(r)),
                    detailOf.Of(audit.Required(details, r, "detail")), runOf.Of(audit.Required(runs, r, "run_id"))));
        }
    }

    /// <summary>Interns a batch's values (identifier and value columns) into the graph's: their ids in <c>_ids</c>, identifiers in <c>_identifiers</c> (-1: skipped).</summary>
    private void InternValues(StateTable table, RecordBatch batch)
    {
        Room(batch.Length);
        var names = new TextCells(table.Texts(batch, "identifier"));
        var texts = new TextCells(table.Texts(batch, "value"));
        _pending.Clear();
        for (var r = 0; r < batch.Length; r++)
        {
            _identifiers[r] = _identifierOf.Of(table.Required(names, r, "identifier"));
            if (_identifiers[r] < 0) _pending.AddNone();
            else graph.Values.Stage(_pending, _identifiers[r], _utf8.Of(texts[r]));
        }
        graph.Values.Intern(_pending, _ids.AsSpan(0, batch.Length));
    }

    private void Room(int rows)
    {
        if (_ids.Length < rows) (_ids, _profiles, _identifiers) = (new int[rows], new int[rows], new int[rows]);
    }

    private EventProfile ProfileOf(ReadOnlySpan<byte> id, ValidUtf8 utf8) =>
        graph.FindProfile(utf8.Of(id)) ?? StitchState.Profile(graph, System.Text.Encoding.UTF8.GetString(id), stateDirectory);

    private static string? Optional(RepeatedTexts<string> texts, StringArray column, int row) => column.IsNull(row) ? null : texts.Of(column.GetBytes(row));

    /// <summary>The UTF-8 bytes a text column's cells hold in all.</summary>
    private static long TextBytes(StringArray texts) => texts.Length == 0 ? 0 : texts.ValueOffsets[texts.Length] - texts.ValueOffsets[0];

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // reported by whoever awaits it
        }
    }

    public void Dispose() => _identifierOf.Dispose();
}
