namespace Dinmo.IrEngine.Stitch;

/// <summary>One identifier value as seen on one profile: its status and sightings there.</summary>
internal sealed class ProfileValue(int value, int identifier)
{
    /// <summary>The value id (<see cref="IdentifierValues"/>).</summary>
    public int Value { get; } = value;

    /// <summary>The identifier rank of the value.</summary>
    public int Identifier { get; } = identifier;
    public ValueStatus Status { get; set; } = ValueStatus.Active;
    public long FirstSeen { get; set; } = long.MaxValue;
    public long LastSeen { get; set; } = long.MinValue;
    public long EventCount { get; set; }

    /// <summary>Records one event carrying the value at <paramref name="timestamp"/>.</summary>
    public void See(long timestamp)
    {
        FirstSeen = Math.Min(FirstSeen, timestamp);
        LastSeen = Math.Max(LastSeen, timestamp);
        EventCount++;
    }

    /// <summary>Folds the same value of a merged profile into this one.</summary>
    public void Absorb(ProfileValue other)
    {
        FirstSeen = Math.Min(FirstSeen, other.FirstSeen);
        LastSeen = Math.Max(LastSeen, other.LastSeen);
        EventCount += other.EventCount;
        // Quarantine is global to the value; otherwise one active side keeps the value active.
        if (other.Status == ValueStatus.Quarantined || Status == ValueStatus.Quarantined) Status = ValueStatus.Quarantined;
        else if (other.Status == ValueStatus.Active) Status = ValueStatus.Active;
    }
}
