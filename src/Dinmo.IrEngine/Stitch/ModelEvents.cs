namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The events of one model as one read produced them (<see cref="EventReader.Read"/>): columns whose
/// value ids refer to this read's own <see cref="Values"/>, so models can be read in parallel and
/// merged into the graph's dictionary afterwards in model order (<see cref="EventColumns.Append"/>).
/// Owned by the read stage; disposed once merged.
/// </summary>
internal sealed class ModelEvents(int model) : IDisposable
{
    public int Model { get; } = model;

    public EventColumns Events { get; } = new();

    public IdentifierValues Values { get; } = new();

    /// <summary>Rows skipped because their partition is older than the window.</summary>
    public long SkippedByPartition { get; set; }

    /// <summary>The newest partition value read (the next run's window), null when none.</summary>
    public long? MaxPartition { get; set; }

    public void Dispose()
    {
        Events.Dispose();
        Values.Dispose();
    }
}
