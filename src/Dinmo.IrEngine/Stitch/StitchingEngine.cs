using System.Runtime.InteropServices;
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
    private const int None = -1;

    private readonly IdentifierValues _values = graph.Values;
    private readonly ValueStates _states = graph.States;
    private readonly ProfileValues _onProfiles = graph.ProfileValues;

    // Per-event scratch, reused so the hot path allocates nothing but audit rows on changes.
    private readonly List<(int Value, int Profile)> _found = []; // profile indexes
    private readonly List<int> _distinct = []; // resolved profile indexes
    private readonly int[] _anchors = new int[policies.Count]; // the event's value per exclusive anchor rank, or None
    private int _anchorCount; // how many of _anchors are set: none (most anonymous events) means no conflict is possible
    private readonly List<int> _usable = [];
    private readonly List<int> _active = []; // entries of ProfileValues

    // Policy facts hoisted out of the per-event loops, indexed by identifier rank.
    private readonly IdentifierPolicy[] _policies = [.. policies];
    private readonly bool[] _exclusive = policies.Select(p => p.Config.IsExclusiveAnchor).ToArray();
    private readonly bool _anyExclusive = policies.Any(p => p.Config.IsExclusiveAnchor);
    private readonly ulong _exclusiveRanks = policies.Where(p => p.Config.IsExclusiveAnchor).Aggregate(0UL, (mask, p) => mask | ProfileValues.RankBit(p.Rank));
    private readonly int?[] _profileLimits = policies.Select(p => p.Config.MaxProfilesPerValue).ToArray();
    private readonly (int Rank, int Limit)[] _valueLimits = policies
        .Where(p => p.Config.MaxUniqueValuesPerProfile is not null).Select(p => (p.Rank, p.Config.MaxUniqueValuesPerProfile!.Value)).ToArray();

    // The event being processed.
    private int _model;
    private int _key;
    private long _timestamp;
    private int _step;

    /// <summary>How many events ahead the stitch loop calls <see cref="PrefetchValues"/>.</summary>
    public const int PrefetchDistance = 16;

    /// <summary>How many events ahead the stitch loop calls <see cref="PrefetchProfiles"/>: half way, once the value states have arrived.</summary>
    public const int ProfilePrefetchDistance = PrefetchDistance / 2;

    /// <summary>How many events ahead the stitch loop calls <see cref="PrefetchAnchors"/>: half way again, once the profiles' chains have arrived.</summary>
    public const int AnchorPrefetchDistance = ProfilePrefetchDistance / 2;

    /// <summary>
    /// Starts loading the value states an event a few positions ahead will read (a hint: no effect on
    /// results). Value ids follow read order, not time, so each is a random read in arrays of millions.
    /// </summary>
    public void PrefetchValues(ReadOnlySpan<int> observations)
    {
        foreach (var value in observations)
        {
            if (value == EventColumns.Blocked) continue;
            _states.Prefetch(value);
            _values.PrefetchIdentifier(value);
        }
    }

    /// <summary>
    /// The second step of <see cref="PrefetchValues"/>, a few events later: reads the (by now loaded)
    /// states and starts loading what the lookup reads next: the profile's merge link, its sightings, its
    /// value chain and the value's entry there; and, for a value on no profile, the index slot it will take on the
    /// profile the event most likely joins (a guess: merge links are not followed, and a profile created meanwhile
    /// moves the next new one). A hint only; whatever changes meanwhile is read again for real.
    /// </summary>
    public void PrefetchProfiles(ReadOnlySpan<int> observations)
    {
        // The profile the event will most likely join: that of its strongest value on one, else the next one created.
        var (likely, likelyRank, anyNew) = (None, int.MaxValue, false);
        foreach (var value in observations)
        {
            if (value == EventColumns.Blocked) continue;
            var current = _states.Current(value);
            if (current == None)
            {
                anyNew = true;
                continue;
            }
            graph.PrefetchMergeLink(current);
            graph.Sightings.Prefetch(current);
            _onProfiles.PrefetchProfile(current);
            if (_states.CurrentEntry(value) is var entry and >= 0) _onProfiles.PrefetchEntry(entry);
            if (_values.Identifier(value) is var rank && rank < likelyRank) (likely, likelyRank) = (current, rank);
        }
        if (!anyNew) return;
        // A value on no profile is attached through the index (a random slot): start loading the slot it takes on the likely profile.
        if (likely == None) likely = graph.Profiles.Count;
        foreach (var value in observations)
            if (value != EventColumns.Blocked && _states.Current(value) == None) _onProfiles.PrefetchIndex(likely, value);
    }

    /// <summary>
    /// The third step, a few events later again: for each profile found through the event's values that holds a value of
    /// a one-value anchor, starts loading its first leading entry, which the conflict check and the merge read first
    /// (<see cref="Conflict"/>, <see cref="AbsorbAnchors"/>). A hint only.
    /// </summary>
    public void PrefetchAnchors(ReadOnlySpan<int> observations)
    {
        if (!_anyExclusive) return;
        foreach (var value in observations)
        {
            if (value == EventColumns.Blocked) continue;
            var current = _states.Current(value);
            if (current != None && (_onProfiles.Ranks(current) & _exclusiveRanks) != 0) _onProfiles.PrefetchFirstEntry(current);
        }
    }

    /// <summary>Stitches a keyed event (with a valid timestamp): its model, key id, timestamp and observations.</summary>
    public StitchOutcome Process(int model, int key, long timestamp, ReadOnlySpan<int> observations)
    {
        (_model, _key, _timestamp, _step) = (model, key, timestamp, 0);
        graph.Watermark = Math.Max(graph.Watermark, _timestamp);
        if (observations.IsEmpty) return Exclude(AttributionReason.NoIdentifiers);
        var usable = UsableValues(observations, out var reason);
        if (usable.Count == 0) return Exclude(reason);

        FindProfiles(usable);
        var (found, matched, mergedAny, refused) = ChooseTarget();
        var created = found == None;
        // By index: the profile object is only read for an audit row's id.
        var target = created ? Created().Index : found;
        foreach (var value in usable) Attach(target, value);
        graph.Sightings.See(target, _timestamp);
        Demote(target);

        var how = created ? (refused ? AttributionReason.AnchorConflict : AttributionReason.Created)
            : refused ? AttributionReason.AnchorConflict
            : mergedAny ? AttributionReason.Merged : AttributionReason.Matched;
        return new StitchOutcome(how, target, created ? None : matched);
    }

    private List<int> UsableValues(ReadOnlySpan<int> observations, out AttributionReason reason)
    {
        // Distinct unblocked values that are not quarantined (an event rarely carries more than four).
        var usable = _usable;
        usable.Clear();
        var anyUnblocked = false;
        foreach (var value in observations)
        {
            if (value == EventColumns.Blocked) continue;
            anyUnblocked = true;
            if (usable.Contains(value) || _states.Quarantined(value)) continue;
            usable.Add(value);
        }
        reason = anyUnblocked ? AttributionReason.AllValuesQuarantined : AttributionReason.AllValuesBlocked;
        if (usable.Count == 0) return usable;
        if (usable.Count > 1) SortByIdentifierThenValue(CollectionsMarshal.AsSpan(usable));
        _anchors.AsSpan().Fill(None);
        _anchorCount = 0;
        if (!_anyExclusive) return usable;
        var kept = 0;
        for (var i = 0; i < usable.Count; i++)
        {
            var v = usable[i];
            var rank = _values.Identifier(v);
            if (_exclusive[rank] && _anchors[rank] != None)
            {
                // A second value of a one-value anchor on one event cannot be kept: the smallest wins.
                AddAudit(AuditChange.AnchorValueIgnored, null, null, v, $"event carries another {policies[rank].Name} ({_values.Text(_anchors[rank])})");
                continue;
            }
            if (_exclusive[rank])
            {
                _anchors[rank] = v;
                _anchorCount++;
            }
            usable[kept++] = v;
        }
        usable.RemoveRange(kept, usable.Count - kept);
        return usable;
    }

    // An event carries a handful of values: an insertion sort, no comparison delegate (distinct values: a total order).
    private void SortByIdentifierThenValue(Span<int> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var j = i - 1;
            for (; j >= 0 && _values.CompareIdentifierThenValue(values[j], value) > 0; j--) values[j + 1] = values[j];
            values[j + 1] = value;
        }
    }

    private void FindProfiles(List<int> usable)
    {
        _found.Clear();
        foreach (var value in usable)
        {
            var current = _states.Current(value);
            if (current == None) continue;
            var profile = graph.Resolve(current);
            // The entry noted when the value was attached is still its entry while that profile is live; after a
            // merge the value is looked up on the survivor.
            var entry = profile == current ? _states.CurrentEntry(value) : _onProfiles.Find(profile, value);
            if (entry < 0 || _onProfiles[entry].Status != ValueStatus.Active) continue;
            var policy = _policies[_onProfiles[entry].Identifier];
            var lastSeen = _states.LastSeen(value);
            if (policy.IsExpired(lastSeen, _timestamp))
            {
                _onProfiles[entry].Status = ValueStatus.Expired;
                AddAudit(AuditChange.ValueExpired, graph.Profiles[profile], null, value,
                    $"last seen {Ingest.Timestamps.FormatIso(lastSeen)}, lifetime {policy.Config.Lifetime}");
                _states.Current(value) = None;
                _states.ClearTouched(value); // an expired value starts afresh: its old profiles no longer count
                continue;
            }
            _found.Add((value, profile));
        }
    }

    /// <summary>The target profile's index (None when no compatible profile was found), merging the others into it.</summary>
    private (int Target, int Matched, bool MergedAny, bool Refused) ChooseTarget()
    {
        var target = None;
        var matched = None;
        bool merged = false, refused = false;
        for (var i = 0; i < _found.Count; i++)
        {
            var (value, found) = _found[i];
            var profile = graph.Resolve(found);
            if (profile == target) continue;
            var conflict = Conflict(profile);
            if (conflict is not null)
            {
                refused = true;
                AddAudit(AuditChange.MergeRefused, graph.Profiles[profile], target == None ? null : graph.Profiles[target], value, conflict);
                continue;
            }
            // The profile's anchors only matter to the profiles after it: the last one's are not read.
            if (i < _found.Count - 1) AbsorbAnchors(profile);
            var rank = _values.Identifier(value);
            if (target == None)
            {
                target = profile;
                matched = rank;
                continue;
            }
            var (other, current) = (graph.Profiles[profile], graph.Profiles[target]);
            var (survivor, loser) = other.CreatedSequence < current.CreatedSequence ? (other, current) : (current, other);
            graph.Merge(loser, survivor, policies[rank].Name, runId);
            AddAudit(AuditChange.ProfileMerged, loser, survivor, value, "connected by the event's values; the older profile survives");
            target = survivor.Index;
            merged = true;
        }
        return (target, matched, merged, refused);
    }

    /// <summary>Why <paramref name="profile"/> cannot join the event's group, or null when it can.</summary>
    private string? Conflict(int profile)
    {
        // The strongest conflicting identifier is named, whatever the values' order. A profile without any
        // value of a one-value anchor (most anonymous profiles) cannot conflict, and nor can any profile while the group
        // has no such value yet (an anonymous event meeting its first profile): then no values are read.
        if (_anchorCount == 0 || (_onProfiles.Ranks(profile) & _exclusiveRanks) == 0) return null;
        var first = None;
        var firstRank = int.MaxValue;
        foreach (var entry in _onProfiles.LeadingOf(profile))
        {
            ref var value = ref _onProfiles[entry];
            var rank = value.Identifier;
            if (value.Status != ValueStatus.Active || !_exclusive[rank]) continue;
            var mine = _anchors[rank];
            if (mine != None && mine != value.Value && rank < firstRank) (first, firstRank) = (value.Value, rank);
        }
        return first == None ? null
            : $"{policies[firstRank].Name} '{_values.Text(first)}' on the profile conflicts with '{_values.Text(_anchors[firstRank])}' (max_unique_values_per_profile 1)";
    }

    private void AbsorbAnchors(int profile)
    {
        if ((_onProfiles.Ranks(profile) & _exclusiveRanks) == 0) return;
        foreach (var entry in _onProfiles.LeadingOf(profile))
        {
            ref var value = ref _onProfiles[entry];
            if (value.Status == ValueStatus.Active && _exclusive[value.Identifier] && _anchors[value.Identifier] == None)
            {
                _anchors[value.Identifier] = value.Value;
                _anchorCount++;
            }
        }
    }

    private EventProfile Created()
    {
        var profile = graph.Create(_model, _key, _timestamp); // named on the namer's thread, from its key
        AddAudit(AuditChange.ProfileCreated, profile, null, None, "no usable value matched an active profile");
        return profile;
    }

    private void Attach(int target, int id)
    {
        var rank = _values.Identifier(id);
        // A value seen again on its current profile (the common case) needs no index lookup: its entry was noted.
        var added = false;
        var entry = _states.Current(id) == target && _states.CurrentEntry(id) >= 0
            ? _states.CurrentEntry(id) : _onProfiles.Attach(target, id, rank, out added);
        ref var value = ref _onProfiles[entry];
        if (!added && value.Status != ValueStatus.Active)
        {
            AddAudit(AuditChange.ValueReactivated, graph.Profiles[target], null, id, $"was {ValueStatusText.Of(value.Status)}, seen again");
            value.Status = ValueStatus.Active;
        }
        value.See(_timestamp);
        _states.Held(id) = true;
        _states.Current(id) = target;
        _states.CurrentEntry(id) = entry;
        ref var lastSeen = ref _states.LastSeen(id);
        lastSeen = Math.Max(lastSeen, _timestamp);
        if (_profileLimits[rank] is not { } limit) return;
        var touched = _states.Touch(id, target);
        if (touched <= limit) return; // the distinct survivors are no more than the profiles touched
        var distinct = _distinct;
        distinct.Clear();
        for (var i = 0; i < touched; i++)
        {
            var profile = graph.Resolve(_states.Touched(id, i));
            if (!distinct.Contains(profile)) distinct.Add(profile);
        }
        if (distinct.Count <= limit) return;
        _states.Quarantined(id) = true;
        distinct.Sort((a, b) => graph.Profiles[a].CreatedSequence.CompareTo(graph.Profiles[b].CreatedSequence)); // unique sequences: a total order
        foreach (var profile in distinct)
        {
            var onProfile = _onProfiles.Find(profile, id);
            if (onProfile < 0) continue;
            _onProfiles[onProfile].Status = ValueStatus.Quarantined;
            AddAudit(AuditChange.ValueQuarantined, graph.Profiles[profile], null, id,
                $"{policies[rank].Name} value touches {distinct.Count} profiles > max_profiles_per_value {limit}");
        }
    }

    private void Demote(int target)
    {
        foreach (var (rank, limit) in _valueLimits)
        {
            if ((_onProfiles.Ranks(target) & ProfileValues.RankBit(rank)) == 0) continue; // no value of the identifier: within its limit
            // Count first: the common case (within the limit) needs no list and no sort.
            var count = 0;
            foreach (var entry in _onProfiles.LeadingOf(target))
                if (_onProfiles[entry].Identifier == rank && _onProfiles[entry].Status == ValueStatus.Active) count++;
            if (count <= limit) continue;
            var active = _active;
            active.Clear();
            foreach (var entry in _onProfiles.LeadingOf(target))
                if (_onProfiles[entry].Identifier == rank && _onProfiles[entry].Status == ValueStatus.Active) active.Add(entry);
            active.Sort(MostRecentFirst);
            var policy = policies[rank];
            for (var i = limit; i < active.Count; i++)
            {
                ref var old = ref _onProfiles[active[i]];
                old.Status = ValueStatus.Demoted;
                AddAudit(AuditChange.ValueDemoted, graph.Profiles[target], null, old.Value,
                    $"more than {limit} active {policy.Name} values; last seen {Ingest.Timestamps.FormatIso(old.LastSeen)}");
            }
        }
    }

    // The most recent values stay active: by last sighting, then first sighting, then value (a total order within one identifier).
    private int MostRecentFirst(int x, int y)
    {
        ref var a = ref _onProfiles[x];
        ref var b = ref _onProfiles[y];
        return a.LastSeen != b.LastSeen ? b.LastSeen.CompareTo(a.LastSeen)
            : a.FirstSeen != b.FirstSeen ? b.FirstSeen.CompareTo(a.FirstSeen)
            : _values.CompareValues(a.Value, b.Value);
    }

    private static StitchOutcome Exclude(AttributionReason reason) => new(reason, None, None);

    private void AddAudit(string change, EventProfile? profile, EventProfile? other, int value, string detail) =>
        graph.Audit.Add(new AuditEvent(graph.Keys.Models[_model], new AuditKey(graph.Keys, _model, _key, null), _timestamp, _step++, change, profile, other,
            value == None ? null : policies[_values.Identifier(value)].Name, value == None ? default : new AuditValue(_values, value, null), detail, runId));
}
