using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Metrics;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The run metrics of <c>identity_event_profile_run_metrics</c>, sorted by scope_type, scope_value,
/// metric. Event counts are this run's (<c>stitch_rate</c> = stitched / processed, 0 when nothing was
/// processed); profile and value counts describe the whole graph after the run.
/// </summary>
internal static class StitchMetrics
{
    public static IReadOnlyList<MetricRow> Compute(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies,
        StitchRunCounts counts, string runId, IReadOnlyList<string> models)
    {
        var rows = new List<MetricRow>();
        void Add(string scope, string value, string metric, double number) => rows.Add(new MetricRow(scope, value, metric, number));

        var processed = counts.Processed;
        var stitched = counts.Stitched;
        Add("project", graph.Project, "events_read", counts.Read.Values.Sum());
        Add("project", graph.Project, "events_processed", processed);
        Add("project", graph.Project, "events_stitched", stitched);
        Add("project", graph.Project, "events_excluded", processed - stitched);
        Add("project", graph.Project, "stitch_rate", processed == 0 ? 0 : (double)stitched / processed);
        Add("project", graph.Project, "events_skipped_already_processed", counts.SkippedProcessed.Values.Sum());
        Add("project", graph.Project, "events_skipped_partition_window", counts.SkippedByPartition.Values.Sum());
        foreach (var reason in AttributionReasonText.Exclusions)
            Add("project", graph.Project, "excluded_" + AttributionReasonText.Of(reason), counts.ByReason[(int)reason]);
        var audit = graph.Audit.Where(a => a.RunId == runId).ToList();
        Add("project", graph.Project, "profiles_created", audit.Count(a => a.ChangeType == AuditChange.ProfileCreated));
        Add("project", graph.Project, "profiles_merged", audit.Count(a => a.ChangeType == AuditChange.ProfileMerged));
        Add("project", graph.Project, "merges_refused", audit.Count(a => a.ChangeType == AuditChange.MergeRefused));
        Add("project", graph.Project, "values_demoted", audit.Count(a => a.ChangeType == AuditChange.ValueDemoted));
        Add("project", graph.Project, "values_quarantined", audit.Count(a => a.ChangeType == AuditChange.ValueQuarantined));
        Add("project", graph.Project, "values_expired", audit.Count(a => a.ChangeType == AuditChange.ValueExpired));
        var live = graph.Profiles.Where(p => !p.IsMerged).ToList();
        Add("project", graph.Project, "profiles_total", graph.Profiles.Count);
        Add("project", graph.Project, "profiles_live", live.Count);
        Add("project", graph.Project, "profiles_known",
            live.Count(p => IsKnown(graph.ProfileValues, p.Index, policies)));
        Add("project", graph.Project, "incremental", counts.Incremental ? 1 : 0);

        for (var m = 0; m < models.Count; m++)
        {
            // Configured models are the first model indexes (ProfileGraph), in config order.
            var model = models[m];
            var (modelProcessed, modelStitched) = m < counts.ByModel.Count ? counts.ByModel[m] : default;
            Add("model", model, "events_read", counts.Read.GetValueOrDefault(model));
            Add("model", model, "events_processed", modelProcessed);
            Add("model", model, "events_stitched", modelStitched);
            Add("model", model, "events_excluded", modelProcessed - modelStitched);
            Add("model", model, "events_skipped_already_processed", counts.SkippedProcessed.GetValueOrDefault(model));
            Add("model", model, "events_skipped_partition_window", counts.SkippedByPartition.GetValueOrDefault(model));
        }

        var quarantined = new long[policies.Count];
        for (var id = 0; id < graph.Values.Count; id++)
            if (graph.States.Held(id) && graph.States.Quarantined(id)) quarantined[graph.Values.Identifier(id)]++;
        // Values on live profiles by identifier rank and status (merged profiles hold none).
        var byStatus = new long[policies.Count, Enum.GetValues<ValueStatus>().Length];
        foreach (var profile in live)
            foreach (var entry in graph.ProfileValues.Of(profile.Index))
                byStatus[graph.ProfileValues[entry].Identifier, (int)graph.ProfileValues[entry].Status]++;
        foreach (var policy in policies)
        {
            long Values(ValueStatus status) => byStatus[policy.Rank, (int)status];
            // Configured identifiers are the first matched-identifier indexes (ProfileGraph), index = rank.
            Add("identifier", policy.Name, "matched_events", policy.Rank < counts.ByMatched.Count ? counts.ByMatched[policy.Rank] : 0);
            Add("identifier", policy.Name, "profile_values", Enum.GetValues<ValueStatus>().Sum(Values));
            Add("identifier", policy.Name, "active_values", Values(ValueStatus.Active));
            Add("identifier", policy.Name, "demoted_values", Values(ValueStatus.Demoted));
            Add("identifier", policy.Name, "quarantined_values", quarantined[policy.Rank]);
        }
        return rows.OrderBy(r => r.ScopeType, CodePointOrder.Instance).ThenBy(r => r.ScopeValue, CodePointOrder.Instance)
            .ThenBy(r => r.Metric, CodePointOrder.Instance).ToList();
    }

    /// <summary>Whether the profile holds an active anchor value (as stored: output-time expiry is not applied to metrics).</summary>
    private static bool IsKnown(ProfileValues values, int profile, IReadOnlyList<IdentifierPolicy> policies)
    {
        foreach (var entry in values.Of(profile))
            if (values[entry].Status == ValueStatus.Active && policies[values[entry].Identifier].Config.Anchor) return true;
        return false;
    }

    public static double Value(IReadOnlyList<MetricRow> rows, string metric) =>
        rows.First(r => r.ScopeType == "project" && r.Metric == metric).Value;
}
