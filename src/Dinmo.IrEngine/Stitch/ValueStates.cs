namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// What the graph knows about each value across profiles, in arrays indexed by value id
/// (<see cref="IdentifierValues"/>): whether the graph holds the value at all (it was attached to a
/// profile, now or in an earlier run), the profile of its latest sighting (a profile index, -1 when
/// none), when it was last seen anywhere (lifetimes count from there), whether it is quarantined, and
/// — for identifiers with <c>max_profiles_per_value</c> — the profiles it has touched since it was
/// last (re)started. Owned by the <see cref="ProfileGraph"/>; grown to the value count before stitching.
/// </summary>
internal sealed class ValueStates
{
    private bool[] _held = [];
    private int[] _current = [];
    private long[] _lastSeen = [];
    private bool[] _quarantined = [];
    private List<int>?[] _touched = [];

    /// <summary>Makes room for value ids below <paramref name="count"/>; new values are not held.</summary>
    public void Grow(int count)
    {
        var old = _held.Length;
        if (count <= old) return;
        var size = Math.Max(count, old * 2);
        Array.Resize(ref _held, size);
        Array.Resize(ref _current, size);
        Array.Resize(ref _lastSeen, size);
        Array.Resize(ref _quarantined, size);
        Array.Resize(ref _touched, size);
        _current.AsSpan(old).Fill(-1);
        _lastSeen.AsSpan(old).Fill(long.MinValue);
    }

    /// <summary>Whether the graph holds a state for the value (it is written to the state's <c>value_states</c>).</summary>
    public ref bool Held(int value) => ref _held[value];

    /// <summary>The profile index of the value's latest sighting, -1 when none (never seen, or expired).</summary>
    public ref int Current(int value) => ref _current[value];

    public ref long LastSeen(int value) => ref _lastSeen[value];

    public ref bool Quarantined(int value) => ref _quarantined[value];

    /// <summary>Profile indexes the value touched (merged ones resolve to their survivor when counted); null when none.</summary>
    public ref List<int>? Touched(int value) => ref _touched[value];
}
