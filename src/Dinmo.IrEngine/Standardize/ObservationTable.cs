namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// Every observation (one standardized, non-null value of one identifier on one record with a valid
/// key), as parallel columns, plus an index of each record's observations (CSR: the observations of
/// record r are <c>ByRecord[RecordStart[r]..RecordStart[r+1]]</c>). Value ids point into
/// <see cref="Values"/>. Built by <see cref="ObservationBuilder"/>; owned by the pipeline.
/// </summary>
internal sealed class ObservationTable : IDisposable
{
    public required int[] Record { get; init; }
    public required short[] Identifier { get; init; }

    /// <summary>Index of the (model, identifier, column) mapping the value came from.</summary>
    public required short[] Source { get; init; }

    public required int[] Value { get; init; }

    /// <summary>Index of the raw cell in <see cref="Ingest.RawObservations.Raw"/>.</summary>
    public required int[] Raw { get; init; }

    public required BlockReason[] Block { get; init; }

    public required int[] RecordStart { get; init; }
    public required int[] ByRecord { get; init; }

    public required ValueDictionary Values { get; init; }

    /// <summary>The dense numbering of the (identifier, value) pairs observed.</summary>
    public required ValueSlots Slots { get; init; }

    /// <summary>Distinct valid records per (identifier, value) slot, blocked or not: for hub guards and reports.</summary>
    public required int[] RecordsPerSlot { get; init; }

    /// <summary>Distinct valid records carrying <paramref name="value"/> as <paramref name="identifier"/>.</summary>
    public int RecordsPerValue(int identifier, int value) => RecordsPerSlot[Slots.Of(identifier, value)];

    public int Count => Record.Length;

    public ReadOnlySpan<int> OfRecord(int record) => ByRecord.AsSpan(RecordStart[record], RecordStart[record + 1] - RecordStart[record]);

    public bool IsUsable(int observation) => Block[observation] == BlockReason.None;

    public static long ValueKey(int identifier, int value) => ((long)identifier << 32) | (uint)value;

    public void Dispose() => Values.Dispose();
}
