using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The whole stitching state: every profile ever created (merged ones included, for their
/// redirects), every value's <see cref="ValueState"/>, the attribution of every processed event
/// (which doubles as the processed (model, key) set) and the audit trail. Restored from the previous
/// run's <c>_state/</c> and saved into the new one (<see cref="StitchState"/>).
/// </summary>
internal sealed class ProfileGraph(string project)
{
    public string Project { get; } = project;

    /// <summary>Profiles in creation order (<see cref="EventProfile.CreatedSequence"/> ascending).</summary>
    public List<EventProfile> Profiles { get; } = [];

    public Dictionary<string, EventProfile> ProfilesById { get; } = new(StringComparer.Ordinal);

    public Dictionary<ValueKey, ValueState> Values { get; } = [];

    /// <summary>Keyed events already processed, by (model, key); null-key events are never here.</summary>
    public Dictionary<(string Model, string Key), Attribution> Processed { get; } = [];

    /// <summary>This run's events without a key (they cannot be remembered across runs).</summary>
    public List<Attribution> Unkeyed { get; } = [];

    public List<AuditEvent> Audit { get; } = [];

    /// <summary>The newest partition value processed per model (the incremental window).</summary>
    public Dictionary<string, long> PartitionWindow { get; } = new(StringComparer.Ordinal);

    /// <summary>The newest event timestamp processed: "now" for output-time lifetime expiry.</summary>
    public long Watermark { get; set; } = long.MinValue;

    /// <summary>A new profile for the event (model, key) that no profile matched; its id is a name-based UUID of that event.</summary>
    public EventProfile Create(string model, string key, long timestamp)
    {
        var profile = new EventProfile(DinmoIdFactory.Create($"event_profile\0{Project}\0{model}\0{key}"), Profiles.Count + 1L, timestamp);
        Add(profile);
        return profile;
    }

    /// <summary>Adds a profile (restored from state, or just created).</summary>
    public void Add(EventProfile profile)
    {
        Profiles.Add(profile);
        ProfilesById.Add(profile.Id, profile);
    }

    public ValueState State(ValueKey key)
    {
        if (!Values.TryGetValue(key, out var state)) Values.Add(key, state = new ValueState(key));
        return state;
    }

    /// <summary>
    /// Merges <paramref name="loser"/> into <paramref name="survivor"/> (the older one): values move
    /// and fold, sightings add up, the loser keeps a redirect.
    /// </summary>
    public void Merge(EventProfile loser, EventProfile survivor, string via, string runId)
    {
        foreach (var (key, value) in loser.Values)
        {
            if (survivor.Values.TryGetValue(key, out var existing)) existing.Absorb(value);
            else survivor.Values.Add(key, value);
        }
        loser.Values.Clear();
        survivor.FirstSeen = Math.Min(survivor.FirstSeen, loser.FirstSeen);
        survivor.LastSeen = Math.Max(survivor.LastSeen, loser.LastSeen);
        survivor.EventCount += loser.EventCount;
        loser.MergedInto = survivor;
        loser.MergedRunId = runId;
        loser.MergedVia = via;
    }
}
