namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// What the graph knows about each value across profiles, indexed by value id
/// (<see cref="IdentifierValues"/>): whether the graph holds the value at all (it was attached to a
/// profile, now or in an earlier run), the profile of its latest sighting (a profile index, -1 when
/// none) and the value's entry there, when it was last seen anywhere (lifetimes count from there),
/// whether it is quarantined, and — for identifiers with <c>max_profiles_per_value</c> — the profiles
/// it has touched since it was last (re)started. The fields the stitch loop reads for every value
/// occurrence sit together in one 32-byte struct (one or two cache lines, not one per field), and so do the
/// first two touched profiles and the count: a value seen again on its one or two profiles (the common
/// cases: a device whose anonymous profile merged into another) reads no list. Owned by the <see cref="ProfileGraph"/>; grown to the value count before stitching.
/// </summary>
internal sealed class ValueStates
{
    private struct State
    {
        public long LastSeen;
        public int Current;
        public int CurrentEntry;
        public int FirstTouched;
        public int SecondTouched;
        public int TouchedCount;
        public bool Held;
        public bool Quarantined;
    }

    private State[] _states = [];
    private List<int>?[] _moreTouched = []; // touched profiles after the second, in the order touched

    /// <summary>Makes room for value ids below <paramref name="count"/>; new values are not held.</summary>
    public void Grow(int count)
    {
        var old = _states.Length;
        if (count <= old) return;
        var size = Math.Max(count, old * 2);
        Columnar.ColumnBuffers.Grow(ref _states, size, old); // the new states are filled below: touched once, not zeroed first
        Array.Resize(ref _moreTouched, size);
        _states.AsSpan(old).Fill(new State { Current = -1, CurrentEntry = -1, LastSeen = long.MinValue });
    }

    /// <summary>Starts loading the value's state (see <see cref="Columnar.CacheHint"/>).</summary>
    public void Prefetch(int value) => Columnar.CacheHint.PrefetchWhole(ref _states[value]);

    /// <summary>Whether the graph holds a state for the value (it is written to the state's <c>value_states</c>).</summary>
    public ref bool Held(int value) => ref _states[value].Held;

    /// <summary>The profile index of the value's latest sighting, -1 when none (never seen, or expired).</summary>
    public ref int Current(int value) => ref _states[value].Current;

    /// <summary>
    /// The value's <see cref="ProfileValues"/> entry on <see cref="Current"/>, or -1 when not known. Valid only while
    /// that profile is live: a merge moves or folds the loser's entries (look the value up on the survivor then).
    /// </summary>
    public ref int CurrentEntry(int value) => ref _states[value].CurrentEntry;

    public ref long LastSeen(int value) => ref _states[value].LastSeen;

    public ref bool Quarantined(int value) => ref _states[value].Quarantined;

    /// <summary>How many profile indexes the value touched (merged ones resolve to their survivor when counted).</summary>
    public int TouchedCount(int value) => _states[value].TouchedCount;

    /// <summary>The <paramref name="i"/>-th profile index the value touched, in the order touched.</summary>
    public int Touched(int value, int i) => i switch
    {
        0 => _states[value].FirstTouched,
        1 => _states[value].SecondTouched,
        _ => _moreTouched[value]![i - 2],
    };

    /// <summary>Notes that the value touched <paramref name="profile"/> (once per profile) and returns how many it has touched.</summary>
    public int Touch(int value, int profile)
    {
        ref var state = ref _states[value];
        if (state.TouchedCount == 0)
        {
            state.FirstTouched = profile;
            return state.TouchedCount = 1;
        }
        if (state.FirstTouched == profile) return state.TouchedCount;
        if (state.TouchedCount == 1)
        {
            state.SecondTouched = profile;
            return state.TouchedCount = 2;
        }
        if (state.SecondTouched == profile) return state.TouchedCount;
        var more = _moreTouched[value] ??= [];
        if (more.Contains(profile)) return state.TouchedCount;
        more.Add(profile);
        return ++state.TouchedCount;
    }

    /// <summary>Forgets the profiles the value touched: an expired value starts afresh.</summary>
    public void ClearTouched(int value)
    {
        ref var state = ref _states[value];
        if (state.TouchedCount > 2) _moreTouched[value]!.Clear();
        state.TouchedCount = 0;
    }
}
