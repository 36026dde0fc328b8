namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One event read from an event model: its key (null when the primary key is null or empty), its
/// timestamp (<see cref="Ingest.Timestamps.Null"/> when missing or unreadable) and its observations.
/// </summary>
internal sealed class StitchEvent(int model, string modelName, string? key, long timestamp, IReadOnlyList<EventObservation> observations)
{
    public int Model { get; } = model;
    public string ModelName { get; } = modelName;
    public string? Key { get; } = key;
    public long Timestamp { get; } = timestamp;
    public IReadOnlyList<EventObservation> Observations { get; } = observations;
}

/// <summary>One standardized, non-empty identifier value of an event; blocked ones take no part in stitching.</summary>
internal readonly record struct EventObservation(ValueKey Value, bool Blocked);
