namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// What the graph knows about one value across profiles: the profile it currently points to (the
/// one of its latest sighting), when it was last seen anywhere (lifetimes count from there), whether
/// it is quarantined, and — for identifiers with <c>max_profiles_per_value</c> — the profiles it has
/// touched since it was last (re)started.
/// </summary>
internal sealed class ValueState(ValueKey key)
{
    public ValueKey Key { get; } = key;
    public EventProfile? Current { get; set; }
    public long LastSeen { get; set; } = long.MinValue;
    public bool Quarantined { get; set; }

    /// <summary>Profiles touched (merged ones resolve to their survivor when counted).</summary>
    public List<EventProfile> Touched { get; } = [];
}
