using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Metrics;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Writes the six output tables of SPEC §9 from the graph, each sorted by its key columns in code
/// point order so the files are byte-identical across runs. Every table holds the whole graph (all
/// runs so far), so an incremental sequence and one full run give the same tables apart from run ids.
/// Statuses are as of the graph's watermark (its newest event): an active value past its lifetime
/// reads <c>expired</c>, and a live profile without an active value reads <c>inactive_lost_active</c>.
/// </summary>
internal static class StitchTables
{
    /// <summary>
    /// One writer per table, each writing it into <paramref name="to"/>, in <see cref="StitchTableNames.All"/> order.
    /// They only read the graph, so they can run at the same time (<see cref="StitchOutputWriter"/>).
    /// </summary>
    /// <remarks>
    /// <paramref name="afterValues"/>, when given, is called by the identifier values' writer once its table is written,
    /// with its rows (in table order) and the status each row's entry shows: the state's <c>profile_value_status</c> follows them.
    /// </remarks>
    public static IReadOnlyList<Func<WrittenTable>> Writers(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies,
        IReadOnlyList<MetricRow> metrics, SortedRows sorted, TableDestination to, int threads,
        Action<IReadOnlyList<(EventProfile Profile, int Entry)>, Func<int, ValueStatus>>? afterValues = null)
    {
        var names = graph.IdentifierNames;
        var onProfiles = graph.ProfileValues;
        ValueStatus Status(int entry)
        {
            ref var v = ref onProfiles[entry];
            return v.Status == ValueStatus.Active && policies[v.Identifier].IsExpired(v.LastSeen, graph.Watermark) ? ValueStatus.Expired : v.Status;
        }
        var survivors = graph.SurvivorIndexes();
        EventProfile Survivor(EventProfile p) => graph.Profiles[survivors[p.Index]];
        // Asked for every profile of its survivor: worked out once per survivor, or a survivor holding n values
        // that absorbed n profiles would cost n² (a 10M-event run of anonymous page views only spent 580 s here).
        var knownOf = new sbyte[graph.Profiles.Count]; // 0 not yet known, 1 known, -1 not known
        bool IsKnown(EventProfile p)
        {
            ref var known = ref knownOf[p.Index];
            if (known == 0) known = AnyActiveAnchor(p) ? (sbyte)1 : (sbyte)-1;
            return known > 0;
        }
        bool AnyActiveAnchor(EventProfile p)
        {
            foreach (var entry in onProfiles.Of(p.Index))
                if (policies[onProfiles[entry].Identifier].Config.Anchor && Status(entry) == ValueStatus.Active) return true;
            return false;
        }
        bool AnyActive(EventProfile p)
        {
            foreach (var entry in onProfiles.Of(p.Index))
                if (Status(entry) == ValueStatus.Active) return true;
            return false;
        }
        string ProfileStatus(EventProfile p) => p.IsMerged ? "merged" : AnyActive(p) ? "active" : "inactive_lost_active";

        // By the ids' bytes (no id decoded into a string to sort), on the run's threads.
        var profiles = ProfileIdOrder.Sorted(graph.Profiles, threads);
        // Ids are unique (a key creates at most one profile; a restored state is checked), so the order is total. Created
        // ids are not indexed one by one any more, so that is checked here, where a repeat would sit next to its twin.
        for (var i = 1; i < profiles.Length; i++)
            if (profiles[i].IdUtf8.AsSpan().SequenceEqual(profiles[i - 1].IdUtf8))
                throw new InvalidOperationException($"two event profiles have the id {profiles[i].Id}");
        List<(EventProfile Profile, int Entry)> Values()
        {
            // By (profile id, identifier name, value): profiles in id order, each one's few values sorted on their own, on
            // one 64-bit key each (name rank above the value's code point rank, which orders the values of one identifier),
            // read once per entry instead of at every comparison.
            var total = 0;
            for (var p = 0; p < graph.Profiles.Count; p++) total += onProfiles.Count(p); // by index: in order, not at random
            var values = new List<(EventProfile Profile, int Entry)>(total);
            var nameRanks = names.Ranks();
            var order = graph.ValueOrderOf(threads); // values of one identifier compare by their code point ranks, not their bytes
            var keys = new long[16];
            var mine = new int[16];
            for (var i = 0; i < profiles.Length; i++)
            {
                // Profiles in id order are random objects, each with a chain of entries: start the reads a few profiles ahead.
                if (i + 8 < profiles.Length) EventProfile.Prefetch(profiles[i + 8]);
                if (i + 4 < profiles.Length) onProfiles.PrefetchProfile(profiles[i + 4].Index);
                if (i + 2 < profiles.Length) onProfiles.PrefetchFirstEntry(profiles[i + 2].Index);
                var profile = profiles[i];
                var count = onProfiles.Count(profile.Index);
                if (count == 0) continue;
                if (count > keys.Length) (keys, mine) = (new long[Math.Max(count, keys.Length * 2)], new int[Math.Max(count, keys.Length * 2)]);
                var n = 0;
                foreach (var entry in onProfiles.Of(profile.Index))
                {
                    ref var v = ref onProfiles[entry];
                    keys[n] = ((long)nameRanks[v.Identifier] << 32) | (uint)order.CodePointRank(v.Value);
                    mine[n++] = entry;
                }
                keys.AsSpan(0, n).Sort(mine.AsSpan(0, n)); // (identifier, value) is unique on a profile: no two keys tie
                for (var k = 0; k < n; k++) values.Add((profile, mine[k]));
            }
            return values;
        }
        return
        [
            () => new TableColumns<EventProfile>().PrefetchingProfiles(graph, survivors)
                .Utf8("dinmo_stitched_profile_id", p => p.IdUtf8).Int64("created_sequence", p => p.CreatedSequence)
                .Instant("created_at", p => p.CreatedAt).Instant("first_seen_at", p => p.FirstSeen).Instant("last_seen_at", p => p.LastSeen)
                .Text("status", ProfileStatus).Utf8OrNull("merged_to_dinmo_stitched_profile_id", p => p.MergedInto?.IdUtf8)
                .Utf8("resolved_dinmo_stitched_profile_id", p => Survivor(p).IdUtf8).Flag("is_known", p => IsKnown(Survivor(p)))
                .Int64("event_count", p => p.EventCount)
                .Write(to, StitchTableNames.Profiles, profiles),
            () => AttributionColumns.Write(to, StitchTableNames.Attribution, graph, sorted.Attributions, resolved: true),
            () =>
            {
                var rows = Values();
                var written = new TableColumns<(EventProfile Profile, int Entry)>().PrefetchingValues(onProfiles, graph.Values)
                    .Utf8("dinmo_stitched_profile_id", r => r.Profile.IdUtf8).Utf8("identifier", r => names.Utf8(onProfiles[r.Entry].Identifier))
                    .Utf8("value", r => graph.Values.Utf8(onProfiles[r.Entry].Value)).Flag("is_anchor", r => policies[onProfiles[r.Entry].Identifier].Config.Anchor)
                    .Text("status", r => ValueStatusText.Of(Status(r.Entry))).Instant("first_seen_at", r => onProfiles[r.Entry].FirstSeen)
                    .Instant("last_seen_at", r => onProfiles[r.Entry].LastSeen).Int64("event_count", r => onProfiles[r.Entry].EventCount)
                    .Write(to, StitchTableNames.IdentifierValues, rows);
                afterValues?.Invoke(rows, Status);
                return written;
            },
            () => new TableColumns<EventProfile>().PrefetchingProfiles(graph, survivors)
                .Utf8("from_dinmo_stitched_profile_id", p => p.IdUtf8).Utf8("to_dinmo_stitched_profile_id", p => Survivor(p).IdUtf8)
                .Text("run_id", p => p.MergedRunId).Text("via_identifier", p => p.MergedVia)
                .Utf8("merged_into_dinmo_stitched_profile_id", p => p.MergedInto!.IdUtf8)
                .Write(to, StitchTableNames.Redirects, profiles.Where(p => p.IsMerged).ToList()),
            () => AuditColumns().Write(to, StitchTableNames.AuditEvents, sorted.Audit),
            () => new TableColumns<MetricRow>()
                .Text("scope_type", m => m.ScopeType).Text("scope_value", m => m.ScopeValue).Text("metric", m => m.Metric).Real("value", m => m.Value)
                .Write(to, StitchTableNames.RunMetrics, metrics),
        ];
    }

    public static TableColumns<AuditEvent> AuditColumns() => new TableColumns<AuditEvent>()
        // Rows in event order: their keys' bytes are at random places (the rows themselves were allocated in order).
        .Prefetch(16, a => a.Key.PrefetchOffsets()).Prefetch(8, a => a.Key.PrefetchBytes())
        .Text("model_name", a => a.ModelName).Utf8("event_key", a => a.Key.Utf8).Instant("event_timestamp", a => a.EventTimestamp)
        .Int64("step", a => a.Step).Text("change_type", a => a.ChangeType).Utf8OrNull("dinmo_stitched_profile_id", a => a.Profile.Utf8)
        .Utf8OrNull("other_dinmo_stitched_profile_id", a => a.Other.Utf8).Text("identifier", a => a.Identifier).Utf8OrNull("value", a => a.Value.IsPresent, a => a.Value.Utf8)
        .Text("detail", a => a.Detail).Text("run_id", a => a.RunId);

    /// <summary>
    /// In the order the changes happened: by event (timestamp, model, key), then step. The audit is
    /// appended in that order within a run, so it is usually sorted already and only checked.
    /// </summary>
    public static AuditEvent[] SortedAudit(List<AuditEvent> rows)
    {
        var sorted = rows.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (AuditOrder.Instance.Compare(sorted[i - 1], sorted[i]) <= 0) continue;
            // (event, step) never ties: a stable and an unstable sort agree.
            Array.Sort(sorted, AuditOrder.Instance);
            break;
        }
        return sorted;
    }
}
