namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One identifier value as seen on one profile: its status and sightings there. An entry of
/// <see cref="ProfileValues"/>, held by value in one flat array (40 bytes: one cache line holds an
/// entry whole), so the stitch loop reads a value's state on a profile without chasing an object.
/// </summary>
internal struct ProfileValue
{
    public long FirstSeen;
    public long LastSeen;
    public long EventCount;

    /// <summary>The value id (<see cref="IdentifierValues"/>).</summary>
    public int Value;

    /// <summary>The next entry of the same profile, in the order values joined it; -1 after the last.</summary>
    public int Next;

    /// <summary>The identifier rank of the value (at most <see cref="IdentifierValues.MaxIdentifiers"/> ranks: one byte).</summary>
    public byte Identifier;

    public ValueStatus Status;

    /// <summary>A value just attached: active, not yet seen.</summary>
    public static ProfileValue New(int value, int identifier) => new()
    {
        Value = value, Identifier = checked((byte)identifier), Status = ValueStatus.Active,
        FirstSeen = long.MaxValue, LastSeen = long.MinValue, Next = -1,
    };

    /// <summary>Records one event carrying the value at <paramref name="timestamp"/>.</summary>
    public void See(long timestamp)
    {
        FirstSeen = Math.Min(FirstSeen, timestamp);
        LastSeen = Math.Max(LastSeen, timestamp);
        EventCount++;
    }

    /// <summary>Folds the same value of a merged profile into this one.</summary>
    public void Absorb(in ProfileValue other)
    {
        FirstSeen = Math.Min(FirstSeen, other.FirstSeen);
        LastSeen = Math.Max(LastSeen, other.LastSeen);
        EventCount += other.EventCount;
        // Quarantine is global to the value; otherwise one active side keeps the value active.
        if (other.Status == ValueStatus.Quarantined || Status == ValueStatus.Quarantined) Status = ValueStatus.Quarantined;
        else if (other.Status == ValueStatus.Active) Status = ValueStatus.Active;
    }
}
