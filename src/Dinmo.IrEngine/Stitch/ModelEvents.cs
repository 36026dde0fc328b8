namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The events of one model's <see cref="ReadSlice"/> as one read produced them (<see cref="EventReader.Read"/>):
/// columns whose value ids refer to this read's own <see cref="Values"/> (and key ids to its own
/// <see cref="OwnKeys"/>, for a model's later slices), so slices can be read in parallel and merged into the
/// graph's dictionaries afterwards in order (<see cref="EventColumns.TranslateIds"/>). Owned by the read stage;
/// disposed once merged, its events handed on (<see cref="TakeEvents"/>).
/// </summary>
internal sealed class ModelEvents(int model, EventKeys? ownKeys = null) : IDisposable
{
    public int Model { get; } = model;

    /// <summary>The key dictionary of a slice read beside the model's first one, null when keys went to the graph's.</summary>
    public EventKeys? OwnKeys { get; } = ownKeys;

    public EventColumns Events { get; private set; } = new();

    /// <summary>Hands this read's events to a new owner (the run's <see cref="RunEvents"/>), keeping empty columns.</summary>
    public EventColumns TakeEvents()
    {
        var events = Events;
        Events = new EventColumns();
        return events;
    }

    public IdentifierValues Values { get; private set; } = new();

    /// <summary>Hands this read's values to a new owner (the graph, <see cref="ProfileGraph.AdoptValues"/>), keeping an empty dictionary.</summary>
    public IdentifierValues TakeValues()
    {
        var values = Values;
        Values = new IdentifierValues();
        return values;
    }

    /// <summary>Rows skipped because their partition is older than the window.</summary>
    public long SkippedByPartition { get; set; }

    /// <summary>The newest partition value read (the next run's window), null when none.</summary>
    public long? MaxPartition { get; set; }

    public void Dispose()
    {
        Events.Dispose();
        Values.Dispose();
        OwnKeys?.Dispose();
    }
}
