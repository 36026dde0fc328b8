using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Every record read, across models, numbered in record-key order (model name, then entity key,
/// both ordinal by UTF-8 bytes, which is Unicode code point order; null keys first). Because ids
/// follow key order, "smallest record key" is "smallest record id" everywhere downstream, and no
/// output depends on input row order. Built by <see cref="RecordLoader"/>, which owns it until the
/// pipeline takes it; the pipeline disposes it at the end of the run.
/// </summary>
internal sealed class RecordTable : IDisposable
{
    public RecordTable(string[] modelNames, short[] model, long[] order, RecordKeyStatus[] status, int[] loadIndex, Utf8Column keys)
    {
        ModelNames = modelNames;
        ModelNamesUtf8 = [.. modelNames.Select(System.Text.Encoding.UTF8.GetBytes)];
        Model = model;
        Order = order;
        Status = status;
        LoadIndex = loadIndex;
        Keys = keys;
    }

    /// <summary>Model names in config order; <see cref="Model"/> holds indexes into it.</summary>
    public string[] ModelNames { get; }

    /// <summary><see cref="ModelNames"/> as UTF-8, for output columns built from bytes.</summary>
    public byte[][] ModelNamesUtf8 { get; }

    public int Count => Model.Length;

    /// <summary>Model index (config order) of each record.</summary>
    public short[] Model { get; }

    /// <summary>Order field of each record, UTC microseconds; <see cref="Timestamps.Null"/> when missing.</summary>
    public long[] Order { get; }

    public RecordKeyStatus[] Status { get; }

    /// <summary>Record id → position in load order, where keys and golden field values are stored.</summary>
    public int[] LoadIndex { get; }

    /// <summary>Entity keys by load position.</summary>
    public Utf8Column Keys { get; }

    public ReadOnlySpan<byte> Key(int record) => Keys[LoadIndex[record]];

    public string? KeyString(int record) => Keys.GetString(LoadIndex[record]);

    public string ModelName(int record) => ModelNames[Model[record]];

    public void Dispose() => Keys.Dispose();
}

/// <summary>What the primary-key check (SPEC §4.1) found for a record.</summary>
internal enum RecordKeyStatus : byte
{
    Valid,
    MissingPrimaryKey,
    DuplicatePrimaryKey,
}
