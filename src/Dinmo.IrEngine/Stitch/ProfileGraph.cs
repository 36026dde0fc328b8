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
        // One-value anchors and value-limited identifiers lead each profile's value chain: the stitch loop's
        // conflict check and demotion read only them.
        ProfileValues = new ProfileValues(policies.Where(p => p.Config.IsExclusiveAnchor || p.Config.MaxUniqueValuesPerProfile is not null)
            .Aggregate(0UL, (mask, p) => mask | ProfileValues.RankBit(p.Rank)));
        if (policies.Count > IdentifierValues.MaxIdentifiers) throw new ArgumentException($"at most {IdentifierValues.MaxIdentifiers} identifiers");
        foreach (var policy in policies) IdentifierNames.Intern(policy.Name); // index = rank for configured identifiers
        foreach (var model in models) Keys.Model(model); // index = config index for configured models
    }

    public string Project { get; }

    /// <summary>Profiles in creation order (<see cref="EventProfile.CreatedSequence"/> ascending); position = <see cref="EventProfile.Index"/>.</summary>
    public List<EventProfile> Profiles { get; } = [];

    // Profile indexes by id as UTF-8, for restoring a state (a row per event names its profile by id), with no string per
    // row: built when first asked (see IndexProfiles), not per created profile, in index order, so an id's number there
    // is its index.
    private Standardize.ValueDictionary _byIdUtf8 = new();

    // The UTF-8 start of the id names of each model's profiles, by model index.
    private readonly List<byte[]> _idPrefixes = [];

    // Per profile index: the profile it was merged into, or -1 while live. The stitch loop resolves
    // profiles here (a small int array) instead of following EventProfile.MergedInto objects.
    private int[] _mergedInto = new int[256];

    /// <summary>First and last sighting and event count of each profile, by index (what <see cref="EventProfile"/>'s properties read).</summary>
    public ProfileSightings Sightings { get; } = new();

    public IdentifierValues Values { get; private set; } = new();

    /// <summary>
    /// Makes <paramref name="values"/> the graph's values while it has none (a full run's first read part): the ids
    /// are the ones interning them in id order would give. Nothing may hold the old, empty dictionary.
    /// </summary>
    public void AdoptValues(IdentifierValues values)
    {
        if (Values.Count > 0) throw new InvalidOperationException("the graph already holds values");
        Values.Dispose();
        Values = values;
    }

    /// <summary>The values on each profile (by profile index): status and sightings per (profile, value).</summary>
    public ProfileValues ProfileValues { get; }

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

    /// <summary>
    /// A new profile for the event (model, key id in <see cref="Keys"/>) that no profile matched. Its id, a name-based UUID of that
    /// event, is given by <see cref="NameProfiles"/> (or, during a stitch loop, by the namer's thread,
    /// <see cref="StartNaming"/>): until then the profile is known by its index.
    /// </summary>
    public EventProfile Create(int model, int key, long timestamp)
    {
        var profile = new EventProfile(Sightings, Profiles.Count, Profiles.Count + 1L, timestamp);
        Add(profile);
        while (_idPrefixes.Count <= model) _idPrefixes.Add(DinmoIdFactory.EventProfileNamePrefix(Project, Keys.Models[_idPrefixes.Count]));
        (_namer ??= new ProfileNamer(Keys, background: false)).Add(profile, _idPrefixes[model], model, key);
        return profile;
    }

    // Names the profiles created since the last NameProfiles; null when there are none.
    private ProfileNamer? _namer;

    /// <summary>
    /// From now until <see cref="NameProfiles"/>, profiles are named on a thread of their own as they are created
    /// (the stitch loop calls this: it leaves the run's other core idle).
    /// </summary>
    public void StartNaming()
    {
        // The namer's thread reads created profiles' keys (ProfileNamer): nothing may intern one meanwhile.
        if (!Keys.IndexesDropped)
            throw new InvalidOperationException("profiles are named on another thread only once no key can be added (EventKeys.DropIndexes)");
        NameProfiles(1);
        _namer = new ProfileNamer(Keys, background: true);
    }

    /// <summary>Gives every profile created since the last call its id, using up to <paramref name="threads"/> threads for what is left.</summary>
    public void NameProfiles(int threads)
    {
        if (_namer is null) return;
        _namer.Finish(threads);
        _namer = null;
    }

    /// <summary>
    /// The profile with id <paramref name="id"/>, or null (see <see cref="IndexProfiles"/>). Not thread-safe while profiles are added: it
    /// extends the index. Once they are indexed (a state's, before the rest of it is read), threads may look up at once.
    /// </summary>
    public EventProfile? FindProfile(string id) => FindProfile(System.Text.Encoding.UTF8.GetBytes(id));

    /// <summary>As <see cref="FindProfile(string)"/>, for an id held as (valid) UTF-8, such as a state's cell, without making a string of it.</summary>
    public EventProfile? FindProfile(ReadOnlySpan<byte> idUtf8)
    {
        IndexProfiles();
        return _byIdUtf8.Find(idUtf8) is var found and >= 0 ? Profiles[found] : null;
    }

    /// <summary>Drops the index of profiles by id (<see cref="IndexProfiles"/>): restoring a state is done with it.</summary>
    public void ForgetProfileIds()
    {
        _byIdUtf8.Dispose();
        _byIdUtf8 = new();
    }

    /// <summary>Adds a profile id (valid UTF-8) to <paramref name="pending"/>, for <see cref="FindProfiles"/>.</summary>
    public void StageProfileId(Standardize.PendingValues pending, ReadOnlySpan<byte> idUtf8) => pending.Add(idUtf8, _byIdUtf8);

    /// <summary>
    /// As <see cref="FindProfile(ReadOnlySpan{byte})"/> for every id staged in <paramref name="pending"/>, a batch at a time (a
    /// state's row per event names a profile at random: the lookups overlap): each position's profile index, -1 for none.
    /// </summary>
    public void FindProfiles(Standardize.PendingValues pending, Span<int> indexes)
    {
        IndexProfiles();
        pending.Find(_byIdUtf8, indexes);
    }

    /// <summary>
    /// Indexes by id the profiles added since the last call. Only restoring a state looks profiles up, so
    /// created profiles are not indexed one by one. Two profiles with one id are a damaged state
    /// (<see cref="FormatException"/>).
    /// </summary>
    public void IndexProfiles()
    {
        NameProfiles(1);
        if (_byIdUtf8.Count == 0) _byIdUtf8.Reserve(Profiles.Count, Profiles.Count * 40); // ids are about 36 bytes
        for (var index = _byIdUtf8.Count; index < Profiles.Count; index++)
            if (_byIdUtf8.Intern(Profiles[index].IdUtf8) != index) throw new FormatException($"two profiles have the id {Profiles[index].Id}");
    }

    /// <summary>Adds a profile (restored from state, or just created); its index must be the next one.</summary>
    public void Add(EventProfile profile)
    {
        if (profile.Index != Profiles.Count) throw new ArgumentException($"profile index {profile.Index}, expected {Profiles.Count}");
        Profiles.Add(profile);
        ProfileValues.AddProfile();
        if (profile.Index == _mergedInto.Length) Array.Resize(ref _mergedInto, _mergedInto.Length * 2);
        _mergedInto[profile.Index] = -1;
    }

    /// <summary>Records that <paramref name="profile"/> was merged into <paramref name="into"/> (directly).</summary>
    public void SetMergedInto(EventProfile profile, EventProfile into)
    {
        profile.MergedInto = into;
        _mergedInto[profile.Index] = into.Index;
    }

    /// <summary>Starts loading the merge link <see cref="Resolve"/> reads first (see <see cref="Columnar.CacheHint"/>).</summary>
    public void PrefetchMergeLink(int index) => Columnar.CacheHint.Prefetch(ref _mergedInto[index]);

    /// <summary>The index of the final survivor of profile <paramref name="index"/>: itself, or the end of its merge chain.</summary>
    public int Resolve(int index)
    {
        var links = _mergedInto;
        while (links[index] is var next and >= 0)
        {
            // Path halving: point each visited profile two steps on, so chains stay short after many merges.
            // Only this resolution array changes; the direct merge target (redirects) stays on the profile.
            if (links[next] >= 0) links[index] = links[next];
            index = next;
        }
        return index;
    }

    /// <summary>
    /// The final survivor of every profile, by profile index, each merge chain walked once (following
    /// <see cref="EventProfile.MergedInto"/> per profile would cost the chain's length every time). Reads the
    /// graph only, so the output tables can call it side by side once stitching is over.
    /// </summary>
    public int[] SurvivorIndexes()
    {
        var survivor = new int[Profiles.Count];
        survivor.AsSpan().Fill(-1);
        var path = new List<int>();
        for (var index = 0; index < survivor.Length; index++)
        {
            var at = index;
            while (survivor[at] < 0 && _mergedInto[at] >= 0)
            {
                path.Add(at);
                at = _mergedInto[at];
            }
            var end = survivor[at] >= 0 ? survivor[at] : at;
            survivor[at] = end;
            foreach (var visited in path) survivor[visited] = end;
            path.Clear();
        }
        return survivor;
    }

    /// <summary>
    /// Merges <paramref name="loser"/> into <paramref name="survivor"/> (the older one): values move
    /// and fold, sightings add up, the loser keeps a redirect.
    /// </summary>
    public void Merge(EventProfile loser, EventProfile survivor, string via, string runId)
    {
        ProfileValues.Merge(loser.Index, survivor.Index);
        Sightings.Absorb(survivor.Index, loser.Index);
        SetMergedInto(loser, survivor);
        loser.MergedRunId = runId;
        loser.MergedVia = via;
    }

    // The values' orders: worked out on a thread of their own while the stitch loop runs, or when first asked.
    private Task<ValueOrder>? _ordering;
    private ValueOrder? _valueOrder;
    private readonly Lock _orderLock = new();

    /// <summary>
    /// Starts working out <see cref="ValueOrderOf"/> on a thread of its own (the stitch loop calls this: values do not
    /// change while it runs, and it leaves the run's other core idle).
    /// </summary>
    public void StartOrderingValues()
    {
        lock (_orderLock)
        {
            WaitForOrdering();
            var values = Values;
            _ordering = Columnar.SideThreads.Start(() => ValueOrder.Of(values, threads: 1), "irengine value order");
        }
    }

    /// <summary>Every value's place in the tables' orders (<see cref="ValueOrder"/>): the one started before, or worked out now on <paramref name="threads"/> threads.</summary>
    public ValueOrder ValueOrderOf(int threads)
    {
        lock (_orderLock)
        {
            if (_ordering is { } ordering)
            {
                _ordering = null;
                _valueOrder = ordering.GetAwaiter().GetResult();
            }
            // Values are only ever added: an order of as many values is an order of these.
            if (_valueOrder is null || _valueOrder.Count != Values.Count) _valueOrder = ValueOrder.Of(Values, threads);
            return _valueOrder;
        }
    }

    // A run that fails during the loop must not free the values while the ordering thread reads them.
    private void WaitForOrdering()
    {
        try
        {
            _ordering?.Wait();
        }
        catch (AggregateException)
        {
            // Its error is the run's only if the order is asked for (ValueOrderOf).
        }
    }

    public void Dispose()
    {
        _namer?.Dispose();
        lock (_orderLock) WaitForOrdering();
        Values.Dispose();
        _byIdUtf8.Dispose();
        Keys.Dispose();
        Attributions.Dispose();
    }
}
