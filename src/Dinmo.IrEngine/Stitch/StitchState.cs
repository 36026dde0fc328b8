using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Saves and restores a <see cref="ProfileGraph"/> as Arrow files in <c>&lt;out&gt;/_state/</c>,
/// whatever the output format, so the next run continues the graph (SPEC §9):
/// <c>profiles</c> (every profile, merged ones with their direct merge target), <c>profile_values</c>
/// (values of live profiles with status and sightings), <c>value_states</c> (per value: profile of its
/// latest sighting, last sighting anywhere, quarantine, profiles touched), <c>events</c> (the
/// attribution of every keyed event processed: the processed (model, key) set), <c>audit</c>, and
/// <c>partition_window</c> (newest partition value per model). The state is written into the
/// staging folder and published with the outputs, so it always matches them.
/// </summary>
internal static class StitchState
{
    public const string Directory = "_state";

    /// <summary>
    /// Saves the graph. <paramref name="outputs"/> are this run's output tables: the state's <c>audit</c>
    /// is the audit table itself and its <c>events</c> reuses the attribution table's columns when every
    /// attribution has a key, instead of building a million rows twice.
    /// </summary>
    public static void Write(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, string stagingDirectory, SortedRows sorted,
        IReadOnlyList<Output.Tables.OutputTable> outputs)
    {
        var dir = Path.Combine(stagingDirectory, Directory);
        string Name(ValueKey key) => policies[key.Identifier].Name;
        Save(dir, new TableColumns<EventProfile>()
            .Text("id", p => p.Id).Int64("created_sequence", p => p.CreatedSequence).Instant("created_at", p => p.CreatedAt)
            .Instant("first_seen_at", p => p.FirstSeen).Instant("last_seen_at", p => p.LastSeen).Int64("event_count", p => p.EventCount)
            .Text("merged_into", p => p.MergedInto?.Id).Text("merged_run_id", p => p.MergedRunId).Text("merged_via", p => p.MergedVia)
            .Build("profiles", graph.Profiles));
        // By (created_sequence, identifier rank, value): profiles are held in creation order, so each one's values are sorted on their own.
        var values = new List<(EventProfile Profile, ProfileValue Value)>();
        var mine = new List<ProfileValue>();
        foreach (var profile in graph.Profiles)
        {
            if (profile.Values.Count == 0) continue;
            mine.Clear();
            mine.AddRange(profile.Values.Values);
            mine.Sort(static (a, b) => a.Key.Identifier != b.Key.Identifier ? a.Key.Identifier.CompareTo(b.Key.Identifier)
                : string.CompareOrdinal(a.Key.Value, b.Key.Value));
            foreach (var value in mine) values.Add((profile, value));
        }
        Save(dir, new TableColumns<(EventProfile Profile, ProfileValue Value)>()
            .Text("profile_id", r => r.Profile.Id).Text("identifier", r => Name(r.Value.Key)).Text("value", r => r.Value.Key.Value)
            .Text("status", r => ValueStatusText.Of(r.Value.Status)).Instant("first_seen_at", r => r.Value.FirstSeen)
            .Instant("last_seen_at", r => r.Value.LastSeen).Int64("event_count", r => r.Value.EventCount)
            .Build("profile_values", values));
        var states = graph.Values.Values.ToArray();
        Array.Sort(states, static (a, b) => a.Key.Identifier != b.Key.Identifier ? a.Key.Identifier.CompareTo(b.Key.Identifier)
            : string.CompareOrdinal(a.Key.Value, b.Key.Value)); // one state per value: a total order
        Save(dir, new TableColumns<ValueState>()
            .Text("identifier", s => Name(s.Key)).Text("value", s => s.Key.Value).Text("current_profile_id", s => s.Current?.Id)
            .Instant("last_seen_at", s => s.LastSeen).Flag("quarantined", s => s.Quarantined).TextList("touched", s => s.Touched.Select(p => p.Id))
            .Build("value_states", states));
        var attribution = outputs.Single(t => t.Name == StitchTableNames.Attribution);
        Save(dir, graph.Unkeyed.Count == 0
            ? WithoutColumn(attribution, "events", StitchTables.ResolvedColumn)
            : StitchTables.AttributionColumns().Build("events", sorted.Keyed()));
        Save(dir, outputs.Single(t => t.Name == StitchTableNames.AuditEvents) with { Name = "audit" });
        Save(dir, new TableColumns<KeyValuePair<string, long>>()
            .Text("model_name", w => w.Key).Int64("partition_max", w => w.Value)
            .Build("partition_window", graph.PartitionWindow.OrderBy(w => w.Key, StringComparer.Ordinal).ToList()));
    }

    /// <summary>Restores the graph saved by <see cref="Write"/>; identifiers no longer configured are dropped with their values.</summary>
    public static ProfileGraph Read(string stateDirectory, EventGraph config, IReadOnlyList<IdentifierPolicy> policies)
    {
        var graph = new ProfileGraph(config.Project);
        var rank = policies.ToDictionary(p => p.Name, p => p.Rank, StringComparer.Ordinal);
        var profiles = StateTable.Read(stateDirectory, "profiles");
        var mergedInto = new List<(EventProfile Profile, string Into)>();
        foreach (var (b, r) in profiles.Rows().OrderBy(x => profiles.Int64(x.Batch, x.Row, "created_sequence")))
        {
            var profile = new EventProfile(profiles.Text(b, r, "id")!, profiles.Int64(b, r, "created_sequence")!.Value, profiles.Instant(b, r, "created_at"))
            {
                FirstSeen = profiles.Instant(b, r, "first_seen_at"), LastSeen = profiles.Instant(b, r, "last_seen_at"),
                EventCount = profiles.Int64(b, r, "event_count") ?? 0,
                MergedRunId = profiles.Text(b, r, "merged_run_id"), MergedVia = profiles.Text(b, r, "merged_via"),
            };
            graph.Add(profile);
            if (profiles.Text(b, r, "merged_into") is { } into) mergedInto.Add((profile, into));
        }
        foreach (var (profile, into) in mergedInto) profile.MergedInto = Profile(graph, into, stateDirectory);

        var values = StateTable.Read(stateDirectory, "profile_values");
        foreach (var (b, r) in values.Rows())
        {
            if (!rank.TryGetValue(values.Text(b, r, "identifier")!, out var identifier)) continue;
            var key = new ValueKey(identifier, values.Text(b, r, "value")!);
            Profile(graph, values.Text(b, r, "profile_id")!, stateDirectory).Values.Add(key, new ProfileValue(key)
            {
                Status = ValueStatusText.Parse(values.Text(b, r, "status")!), FirstSeen = values.Instant(b, r, "first_seen_at"),
                LastSeen = values.Instant(b, r, "last_seen_at"), EventCount = values.Int64(b, r, "event_count") ?? 0,
            });
        }

        var states = StateTable.Read(stateDirectory, "value_states");
        foreach (var (b, r) in states.Rows())
        {
            if (!rank.TryGetValue(states.Text(b, r, "identifier")!, out var identifier)) continue;
            var state = graph.State(new ValueKey(identifier, states.Text(b, r, "value")!));
            state.Current = states.Text(b, r, "current_profile_id") is { } current ? Profile(graph, current, stateDirectory) : null;
            state.LastSeen = states.Instant(b, r, "last_seen_at");
            state.Quarantined = states.Flag(b, r, "quarantined");
            state.Touched.AddRange(states.TextList(b, r, "touched").Select(id => Profile(graph, id, stateDirectory)));
        }

        var events = StateTable.Read(stateDirectory, "events");
        foreach (var (b, r) in events.Rows())
        {
            var attribution = new Attribution(events.Text(b, r, "model_name")!, events.Text(b, r, "event_key"),
                events.Instant(b, r, "event_timestamp"), events.Text(b, r, "dinmo_stitched_profile_id"), events.Text(b, r, "attribution_status")!,
                events.Text(b, r, "reason")!, events.Text(b, r, "matched_identifier"), events.Text(b, r, "run_id")!);
            graph.Processed[(attribution.ModelName, attribution.EventKey!)] = attribution;
            graph.Watermark = Math.Max(graph.Watermark, attribution.EventTimestamp);
        }

        var audit = StateTable.Read(stateDirectory, "audit");
        foreach (var (b, r) in audit.Rows())
            graph.Audit.Add(new AuditEvent(audit.Text(b, r, "model_name")!, audit.Text(b, r, "event_key")!, audit.Instant(b, r, "event_timestamp"),
                (int)(audit.Int64(b, r, "step") ?? 0), audit.Text(b, r, "change_type")!, audit.Text(b, r, "dinmo_stitched_profile_id"),
                audit.Text(b, r, "other_dinmo_stitched_profile_id"), audit.Text(b, r, "identifier"), audit.Text(b, r, "value"),
                audit.Text(b, r, "detail")!, audit.Text(b, r, "run_id")!));

        var window = StateTable.Read(stateDirectory, "partition_window");
        foreach (var (b, r) in window.Rows())
            graph.PartitionWindow[window.Text(b, r, "model_name")!] = window.Int64(b, r, "partition_max")!.Value;
        return graph;
    }

    private static EventProfile Profile(ProfileGraph graph, string id, string stateDirectory) =>
        graph.ProfilesById.TryGetValue(id, out var profile)
            ? profile
            : Throw.Input<EventProfile>($"stitching state names profile {id}, which it does not hold; rerun with --full", stateDirectory);

    private static Output.Tables.OutputTable WithoutColumn(Output.Tables.OutputTable table, string name, string column)
    {
        var keep = Enumerable.Range(0, table.Schema.FieldsList.Count).Where(i => table.Schema.FieldsList[i].Name != column).ToList();
        return Output.Tables.OutputTable.Create(name, keep.Select(i => (table.Schema.FieldsList[i].Name, table.Schema.FieldsList[i].DataType)).ToList(),
            keep.Select(i => table.Batch.Column(i)).ToList(), table.Batch.Length);
    }

    private static void Save(string directory, Output.Tables.OutputTable table) =>
        TableFileWriter.Write(OutputFormat.Arrow, directory, table.Name, table.Schema, [table.Batch]);
}
