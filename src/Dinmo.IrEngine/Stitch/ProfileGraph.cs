using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The whole stitching state: every profile ever created (merged ones included, for their
/// redirects) indexed by int, every value (<see cref="IdentifierValues"/>) and its
/// <see cref="ValueStates"/>, every event key (<see cref="EventKeys"/>), the attribution of every
/// processed event (<see cref="AttributionTable"/>, which with the keys doubles as the processed
/// (model, key) set) and the audit trail. Restored from the previous run's <c>_state/</c> and saved
/// into the new one (<see cref="StitchState"/>). Owns its columns; disposed when the run ends.
/// </summary>
internal sealed class ProfileGraph : IDisposable
{
    public ProfileGraph(string project, IReadOnlyList<IdentifierPolicy> policies, IEnumerable<string> models)
    {
        Project = project;
        if (policies.Count > IdentifierValues.MaxIdentifiers) throw new ArgumentException($"at most {IdentifierValues.MaxIdentifiers} identifiers");
        foreach (var policy in policies) IdentifierNames.Intern(policy.Name); // index = rank for configured identifiers
        foreach (var model in models) Keys.Model(model); // index = config index for configured models
    }

    public string Project { get; }

    /// <summary>Profiles in creation order (<see cref="EventProfile.CreatedSequence"/> ascending); position = <see cref="EventProfile.Index"/>.</summary>
    public List<EventProfile> Profiles { get; } = [];

    public Dictionary<string, EventProfile> ProfilesById { get; } = new(StringComparer.Ordinal);

    public IdentifierValues Values { get; } = new();

    /// <summary>The values on each profile (by profile index): status and sightings per (profile, value).</summary>
    public ProfileValues ProfileValues { get; } = new();

    public ValueStates States { get; } = new();

    public EventKeys Keys { get; } = new();

    public AttributionTable Attributions { get; } = new();

    /// <summary>Identifier names of attribution rows: the configured ones first, index = rank.</summary>
    public NameTable IdentifierNames { get; } = new();

    /// <summary>Run ids of attribution rows.</summary>
    public NameTable RunIds { get; } = new();

    public List<AuditEvent> Audit { get; } = [];

    /// <summary>The newest partition value processed per model (the incremental window).</summary>
    public Dictionary<string, long> PartitionWindow { get; } = new(StringComparer.Ordinal);

    /// <summary>The newest event timestamp processed: "now" for output-time lifetime expiry.</summary>
    public long Watermark { get; set; } = long.MinValue;

    /// <summary>A new profile for the event (model, key) that no profile matched; its id is a name-based UUID of that event.</summary>
    public EventProfile Create(string model, string key, long timestamp)
    {
        var profile = new EventProfile(Profiles.Count, DinmoIdFactory.Create($"event_profile\0{Project}\0{model}\0{key}"), Profiles.Count + 1L, timestamp);
        Add(profile);
        return profile;
    }

    /// <summary>Adds a profile (restored from state, or just created); its index must be the next one.</summary>
    public void Add(EventProfile profile)
    {
        if (profile.Index != Profiles.Count) throw new ArgumentException($"profile index {profile.Index}, expected {Profiles.Count}");
        Profiles.Add(profile);
        ProfilesById.Add(profile.Id, profile);
        ProfileValues.AddProfile();
    }

    /// <summary>
    /// Merges <paramref name="loser"/> into <paramref name="survivor"/> (the older one): values move
    /// and fold, sightings add up, the loser keeps a redirect.
    /// </summary>
    public void Merge(EventProfile loser, EventProfile survivor, string via, string runId)
    {
        ProfileValues.Merge(loser.Index, survivor.Index);
        survivor.FirstSeen = Math.Min(survivor.FirstSeen, loser.FirstSeen);
        survivor.LastSeen = Math.Max(survivor.LastSeen, loser.LastSeen);
        survivor.EventCount += loser.EventCount;
        loser.MergedInto = survivor;
        loser.MergedRunId = runId;
        loser.MergedVia = via;
    }

    public void Dispose()
    {
        Values.Dispose();
        Keys.Dispose();
        Attributions.Dispose();
    }
}
