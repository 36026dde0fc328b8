using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Metrics;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Builds the six output tables of SPEC §9 from the graph, each sorted by its key columns in code
/// point order so the files are byte-identical across runs. Every table holds the whole graph (all
/// runs so far), so an incremental sequence and one full run give the same tables apart from run ids.
/// Statuses are as of the graph's watermark (its newest event): an active value past its lifetime
/// reads <c>expired</c>, and a live profile without an active value reads <c>inactive_lost_active</c>.
/// </summary>
internal static class StitchTables
{
    public static IReadOnlyList<OutputTable> Build(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, IReadOnlyList<MetricRow> metrics,
        SortedRows sorted)
    {
        ValueStatus Status(ProfileValue v) =>
            v.Status == ValueStatus.Active && policies[v.Key.Identifier].IsExpired(v.LastSeen, graph.Watermark) ? ValueStatus.Expired : v.Status;
        bool IsKnown(EventProfile p) => p.Values.Values.Any(v => policies[v.Key.Identifier].Config.Anchor && Status(v) == ValueStatus.Active);
        string ProfileStatus(EventProfile p) =>
            p.IsMerged ? "merged" : p.Values.Values.Any(v => Status(v) == ValueStatus.Active) ? "active" : "inactive_lost_active";

        var profiles = graph.Profiles.ToArray();
        Array.Sort(profiles, (a, b) => CodePointOrder.Instance.Compare(a.Id, b.Id)); // ids are unique: a total order
        // By (profile id, identifier name, value): profiles in id order, each one's few values sorted on their own.
        var values = new List<(EventProfile Profile, ProfileValue Value)>();
        var mine = new List<ProfileValue>();
        Comparison<ProfileValue> byNameThenValue = (a, b) => a.Key.Identifier == b.Key.Identifier
            ? CodePointOrder.Instance.Compare(a.Key.Value, b.Key.Value)
            : CodePointOrder.Instance.Compare(policies[a.Key.Identifier].Name, policies[b.Key.Identifier].Name);
        foreach (var profile in profiles)
        {
            if (profile.Values.Count == 0) continue;
            mine.Clear();
            mine.AddRange(profile.Values.Values);
            mine.Sort(byNameThenValue); // (identifier, value) is unique on a profile: a total order
            foreach (var value in mine) values.Add((profile, value));
        }
        var redirects = profiles.Where(p => p.IsMerged).ToList();
        return
        [
            new TableColumns<EventProfile>()
                .Text("dinmo_stitched_profile_id", p => p.Id).Int64("created_sequence", p => p.CreatedSequence)
                .Instant("created_at", p => p.CreatedAt).Instant("first_seen_at", p => p.FirstSeen).Instant("last_seen_at", p => p.LastSeen)
                .Text("status", ProfileStatus).Text("merged_to_dinmo_stitched_profile_id", p => p.MergedInto?.Id)
                .Text("resolved_dinmo_stitched_profile_id", p => p.Resolve().Id).Flag("is_known", p => IsKnown(p.Resolve()))
                .Int64("event_count", p => p.EventCount)
                .Build(StitchTableNames.Profiles, profiles),
            AttributionColumns(graph).Build(StitchTableNames.Attribution, sorted.Attributions),
            new TableColumns<(EventProfile Profile, ProfileValue Value)>()
                .Text("dinmo_stitched_profile_id", r => r.Profile.Id).Text("identifier", r => policies[r.Value.Key.Identifier].Name)
                .Text("value", r => r.Value.Key.Value).Flag("is_anchor", r => policies[r.Value.Key.Identifier].Config.Anchor)
                .Text("status", r => ValueStatusText.Of(Status(r.Value))).Instant("first_seen_at", r => r.Value.FirstSeen)
                .Instant("last_seen_at", r => r.Value.LastSeen).Int64("event_count", r => r.Value.EventCount)
                .Build(StitchTableNames.IdentifierValues, values),
            new TableColumns<EventProfile>()
                .Text("from_dinmo_stitched_profile_id", p => p.Id).Text("to_dinmo_stitched_profile_id", p => p.Resolve().Id)
                .Text("run_id", p => p.MergedRunId).Text("via_identifier", p => p.MergedVia)
                .Text("merged_into_dinmo_stitched_profile_id", p => p.MergedInto!.Id)
                .Build(StitchTableNames.Redirects, redirects),
            AuditColumns().Build(StitchTableNames.AuditEvents, sorted.Audit),
            new TableColumns<MetricRow>()
                .Text("scope_type", m => m.ScopeType).Text("scope_value", m => m.ScopeValue).Text("metric", m => m.Metric).Real("value", m => m.Value)
                .Build(StitchTableNames.RunMetrics, metrics),
        ];
    }

    /// <summary>The attribution column that only the output table has (the state keeps direct profile ids).</summary>
    public const string ResolvedColumn = "resolved_dinmo_stitched_profile_id";

    /// <summary>Attribution columns; with a graph, also the profile each event's profile resolves to today.</summary>
    public static TableColumns<Attribution> AttributionColumns(ProfileGraph? graph = null)
    {
        var columns = new TableColumns<Attribution>()
            .Text("model_name", a => a.ModelName).Text("event_key", a => a.EventKey).Instant("event_timestamp", a => a.EventTimestamp)
            .Text("dinmo_stitched_profile_id", a => a.ProfileId);
        if (graph is not null)
            columns.Text(ResolvedColumn, a => a.ProfileId is { } id ? graph.ProfilesById[id].Resolve().Id : null);
        return columns.Text("attribution_status", a => a.Status).Text("reason", a => a.Reason)
            .Text("matched_identifier", a => a.MatchedIdentifier).Text("run_id", a => a.RunId);
    }

    /// <summary>
    /// Keyed then unkeyed attributions by (model, key, timestamp, reason). Keyed rows never tie (one
    /// per (model, key)); unkeyed rows that tie are identical in every column, so an unstable sort
    /// gives the same table as a stable one.
    /// </summary>
    public static Attribution[] SortedAttributions(IReadOnlyCollection<Attribution> keyed, IReadOnlyList<Attribution> unkeyed)
    {
        var rows = new Attribution[keyed.Count + unkeyed.Count];
        var n = 0;
        foreach (var a in keyed) rows[n++] = a;
        foreach (var a in unkeyed) rows[n++] = a;
        Array.Sort(rows, AttributionOrder.Instance);
        return rows;
    }

    public static TableColumns<AuditEvent> AuditColumns() => new TableColumns<AuditEvent>()
        .Text("model_name", a => a.ModelName).Text("event_key", a => a.EventKey).Instant("event_timestamp", a => a.EventTimestamp)
        .Int64("step", a => a.Step).Text("change_type", a => a.ChangeType).Text("dinmo_stitched_profile_id", a => a.ProfileId)
        .Text("other_dinmo_stitched_profile_id", a => a.OtherProfileId).Text("identifier", a => a.Identifier).Text("value", a => a.Value)
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
