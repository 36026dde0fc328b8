using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Stitches one event at a time into the <see cref="ProfileGraph"/> (SPEC §9). Events must come in
/// (timestamp, model, key) order within a run; the outcome of each depends only on the graph and the
/// event, so the whole run is deterministic.
/// <list type="number">
/// <item>Usable values: standardized, not blocked, not quarantined (else the event is excluded with
/// <c>no_identifiers</c>, <c>all_values_blocked</c> or <c>all_values_quarantined</c>); one value per
/// exclusive anchor (an anchor with <c>max_unique_values_per_profile</c> 1): the smallest.</item>
/// <item>Lookup, strongest identifier first: a value finds the profile of its latest sighting when it
/// is active there and not past its lifetime (an expired value is marked <c>expired</c> and starts
/// afresh).</item>
/// <item>The first profile found that agrees with the event's exclusive anchors is the target; each
/// further compatible profile is merged (the lower <c>created_sequence</c> survives); an incompatible
/// one is refused. No compatible profile: a new profile (so an event whose anchor conflicts with the
/// profile a weaker value found goes to its own anchor's profile, created if needed).</item>
/// <item>Attach every usable value to the target; a value whose distinct profiles pass
/// <c>max_profiles_per_value</c> is quarantined; past <c>max_unique_values_per_profile</c> the least
/// recently seen values of the target are demoted.</item>
/// </list>
/// </summary>
internal sealed class StitchingEngine(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, string runId)
{
    // Per-event scratch, reused so the hot path allocates only the attribution (and audit rows on changes).
    private readonly List<(ValueKey Value, EventProfile Profile)> _found = [];
    private readonly Dictionary<int, string> _anchors = [];
    private readonly List<ValueKey> _usable = [];
    private readonly List<EventProfile> _distinct = [];
    private readonly List<ProfileValue> _active = [];

    // Policy facts hoisted out of the per-event loops, indexed by identifier rank.
    private readonly bool[] _exclusive = policies.Select(p => p.Config.IsExclusiveAnchor).ToArray();
    private readonly bool _anyExclusive = policies.Any(p => p.Config.IsExclusiveAnchor);
    private readonly (int Rank, int Limit)[] _valueLimits = policies
        .Where(p => p.Config.MaxUniqueValuesPerProfile is not null).Select(p => (p.Rank, p.Config.MaxUniqueValuesPerProfile!.Value)).ToArray();
    private int _step;

    private static readonly Comparison<ValueKey> ByIdentifierThenValue =
        (a, b) => a.Identifier != b.Identifier ? a.Identifier.CompareTo(b.Identifier) : CodePointOrder.Instance.Compare(a.Value, b.Value);

    // The most recent values stay active: by last sighting, then first sighting, then value (a total order within one identifier).
    private static readonly Comparison<ProfileValue> MostRecentFirst = (a, b) => a.LastSeen != b.LastSeen ? b.LastSeen.CompareTo(a.LastSeen)
        : a.FirstSeen != b.FirstSeen ? b.FirstSeen.CompareTo(a.FirstSeen)
        : CodePointOrder.Instance.Compare(a.Key.Value, b.Key.Value);

    /// <summary>Stitches a keyed event with a valid timestamp; returns its attribution.</summary>
    public Attribution Process(StitchEvent e)
    {
        _step = 0;
        graph.Watermark = Math.Max(graph.Watermark, e.Timestamp);
        if (e.Observations.Count == 0) return Exclude(e, AttributionReason.NoIdentifiers);
        var usable = UsableValues(e, out var reason);
        if (usable.Count == 0) return Exclude(e, reason!);

        FindProfiles(e, usable);
        var (target, matched, mergedAny, refused) = ChooseTarget(e);
        var created = target is null;
        target ??= Created(e);
        foreach (var value in usable) Attach(e, target, value);
        target.See(e.Timestamp);
        Demote(e, target);

        var how = created ? (refused ? AttributionReason.AnchorConflict : AttributionReason.Created)
            : refused ? AttributionReason.AnchorConflict
            : mergedAny ? AttributionReason.Merged : AttributionReason.Matched;
        return new Attribution(e.ModelName, e.Key, e.Timestamp, target.Id, Attribution.Stitched, how, created ? null : matched, runId);
    }

    private List<ValueKey> UsableValues(StitchEvent e, out string? reason)
    {
        // Distinct unblocked values that are not quarantined (an event rarely carries more than four).
        var usable = _usable;
        usable.Clear();
        var anyUnblocked = false;
        var observations = e.Observations;
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (o.Blocked) continue;
            anyUnblocked = true;
            if (usable.Contains(o.Value)) continue;
            if (graph.Values.TryGetValue(o.Value, out var s) && s.Quarantined) continue;
            usable.Add(o.Value);
        }
        reason = anyUnblocked ? null : AttributionReason.AllValuesBlocked;
        if (usable.Count == 0)
        {
            reason ??= AttributionReason.AllValuesQuarantined;
            return usable;
        }
        usable.Sort(ByIdentifierThenValue);
        _anchors.Clear();
        if (!_anyExclusive) return usable;
        var kept = 0;
        for (var i = 0; i < usable.Count; i++)
        {
            var v = usable[i];
            if (_exclusive[v.Identifier] && !_anchors.TryAdd(v.Identifier, v.Value))
            {
                // A second value of a one-value anchor on one event cannot be kept: the smallest wins.
                AddAudit(e, AuditChange.AnchorValueIgnored, null, null, v, $"event carries another {policies[v.Identifier].Name} ({_anchors[v.Identifier]})");
                continue;
            }
            usable[kept++] = v;
        }
        usable.RemoveRange(kept, usable.Count - kept);
        return usable;
    }

    private void FindProfiles(StitchEvent e, List<ValueKey> usable)
    {
        _found.Clear();
        foreach (var value in usable)
        {
            if (!graph.Values.TryGetValue(value, out var state) || state.Current is null) continue;
            var profile = state.Current.Resolve();
            if (!profile.Values.TryGetValue(value, out var onProfile) || onProfile.Status != ValueStatus.Active) continue;
            if (policies[value.Identifier].IsExpired(state.LastSeen, e.Timestamp))
            {
                onProfile.Status = ValueStatus.Expired;
                AddAudit(e, AuditChange.ValueExpired, profile.Id, null, value,
                    $"last seen {Ingest.Timestamps.FormatIso(state.LastSeen)}, lifetime {policies[value.Identifier].Config.Lifetime}");
                state.Current = null;
                state.Touched.Clear(); // an expired value starts afresh: its old profiles no longer count
                continue;
            }
            _found.Add((value, profile));
        }
    }

    private (EventProfile? Target, string? Matched, bool MergedAny, bool Refused) ChooseTarget(StitchEvent e)
    {
        EventProfile? target = null;
        string? matched = null;
        bool merged = false, refused = false;
        foreach (var (value, found) in _found)
        {
            var profile = found.Resolve();
            if (ReferenceEquals(profile, target)) continue;
            var conflict = Conflict(profile);
            if (conflict is not null)
            {
                refused = true;
                AddAudit(e, AuditChange.MergeRefused, profile.Id, target?.Id, value, conflict);
                continue;
            }
            AbsorbAnchors(profile);
            if (target is null)
            {
                target = profile;
                matched = policies[value.Identifier].Name;
                continue;
            }
            var (survivor, loser) = profile.CreatedSequence < target.CreatedSequence ? (profile, target) : (target, profile);
            graph.Merge(loser, survivor, policies[value.Identifier].Name, runId);
            AddAudit(e, AuditChange.ProfileMerged, loser.Id, survivor.Id, value, "connected by the event's values; the older profile survives");
            target = survivor;
            merged = true;
        }
        return (target, matched, merged, refused);
    }

    /// <summary>Why <paramref name="profile"/> cannot join the event's group, or null when it can.</summary>
    private string? Conflict(EventProfile profile)
    {
        // The strongest conflicting identifier is named, whatever the dictionary's order.
        if (!_anyExclusive) return null;
        ValueKey? first = null;
        foreach (var (key, value) in profile.Values)
        {
            if (value.Status != ValueStatus.Active || !_exclusive[key.Identifier]) continue;
            if (_anchors.TryGetValue(key.Identifier, out var mine) && mine != key.Value && (first is null || key.Identifier < first.Value.Identifier))
                first = key;
        }
        return first is { } k
            ? $"{policies[k.Identifier].Name} '{k.Value}' on the profile conflicts with '{_anchors[k.Identifier]}' (max_unique_values_per_profile 1)"
            : null;
    }

    private void AbsorbAnchors(EventProfile profile)
    {
        if (!_anyExclusive) return;
        foreach (var (key, value) in profile.Values)
            if (value.Status == ValueStatus.Active && _exclusive[key.Identifier]) _anchors.TryAdd(key.Identifier, key.Value);
    }

    private EventProfile Created(StitchEvent e)
    {
        var profile = graph.Create(e.ModelName, e.Key!, e.Timestamp);
        AddAudit(e, AuditChange.ProfileCreated, profile.Id, null, null, "no usable value matched an active profile");
        return profile;
    }

    private void Attach(StitchEvent e, EventProfile target, ValueKey key)
    {
        var policy = policies[key.Identifier];
        if (!target.Values.TryGetValue(key, out var value)) target.Values.Add(key, value = new ProfileValue(key));
        else if (value.Status != ValueStatus.Active)
        {
            AddAudit(e, AuditChange.ValueReactivated, target.Id, null, key, $"was {ValueStatusText.Of(value.Status)}, seen again");
            value.Status = ValueStatus.Active;
        }
        value.See(e.Timestamp);
        var state = graph.State(key);
        state.Current = target;
        state.LastSeen = Math.Max(state.LastSeen, e.Timestamp);
        if (policy.Config.MaxProfilesPerValue is not { } limit) return;
        if (!state.Touched.Contains(target)) state.Touched.Add(target);
        var distinct = _distinct;
        distinct.Clear();
        foreach (var touched in state.Touched)
        {
            var profile = touched.Resolve();
            if (!distinct.Contains(profile)) distinct.Add(profile);
        }
        if (distinct.Count <= limit) return;
        state.Quarantined = true;
        distinct.Sort((a, b) => a.CreatedSequence.CompareTo(b.CreatedSequence)); // unique sequences: a total order
        foreach (var profile in distinct)
        {
            if (!profile.Values.TryGetValue(key, out var onProfile)) continue;
            onProfile.Status = ValueStatus.Quarantined;
            AddAudit(e, AuditChange.ValueQuarantined, profile.Id, null, key,
                $"{policy.Name} value touches {distinct.Count} profiles > max_profiles_per_value {limit}");
        }
    }

    private void Demote(StitchEvent e, EventProfile target)
    {
        foreach (var (rank, limit) in _valueLimits)
        {
            // Count first: the common case (within the limit) needs no list and no sort.
            var count = 0;
            foreach (var v in target.Values.Values)
                if (v.Key.Identifier == rank && v.Status == ValueStatus.Active) count++;
            if (count <= limit) continue;
            var active = _active;
            active.Clear();
            foreach (var v in target.Values.Values)
                if (v.Key.Identifier == rank && v.Status == ValueStatus.Active) active.Add(v);
            active.Sort(MostRecentFirst);
            var policy = policies[rank];
            for (var i = limit; i < active.Count; i++)
            {
                var old = active[i];
                old.Status = ValueStatus.Demoted;
                AddAudit(e, AuditChange.ValueDemoted, target.Id, null, old.Key,
                    $"more than {limit} active {policy.Name} values; last seen {Ingest.Timestamps.FormatIso(old.LastSeen)}");
            }
        }
    }

    private Attribution Exclude(StitchEvent e, string reason) =>
        new(e.ModelName, e.Key, e.Timestamp, null, Attribution.Excluded, reason, null, runId);

    private void AddAudit(StitchEvent e, string change, string? profile, string? other, ValueKey? value, string detail) =>
        graph.Audit.Add(new AuditEvent(e.ModelName, e.Key!, e.Timestamp, _step++, change, profile, other,
            value is { } v ? policies[v.Identifier].Name : null, value?.Value, detail, runId));
}
