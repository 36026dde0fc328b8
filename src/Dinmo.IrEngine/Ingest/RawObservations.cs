using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// The non-null identifier cells as read, before standardization: one entry per (record, column).
/// <see cref="Record"/> holds load positions while loading and record ids after the key sort.
/// Owned by the pipeline; disposed once observations are built.
/// </summary>
internal sealed class RawObservations(int capacity = 1024, int byteCapacity = 16 * 1024) : IDisposable
{
    public GrowableArray<int> Record { get; } = new(capacity);

    /// <summary>Index into <see cref="Sources"/>.</summary>
    public GrowableArray<short> Source { get; } = new(capacity);

    public Utf8Column Raw { get; } = new(capacity, byteCapacity);

    /// <summary>Every (model, identifier, column) mapping of the graph, in config order.</summary>
    public List<ObservationSource> Sources { get; } = [];

    public int Count => Record.Count;

    public void Dispose()
    {
        Record.Dispose();
        Source.Dispose();
        Raw.Dispose();
    }
}

/// <summary>One mapped column: which model, which identifier (index in config order), which column.</summary>
internal sealed record ObservationSource(int Model, int Identifier, string Column);
