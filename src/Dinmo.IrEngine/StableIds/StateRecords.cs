namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// The record part of <see cref="IdState"/> as columns: one row per record key with its dinmo_id and
/// whether that id was the record's active id (false: kept while the record is unresolved). Rows are
/// sorted by (model name, entity key), both by UTF-8 bytes — the order of the record table — so the
/// stable-id stage finds a record's previous id by one merge pass instead of a dictionary of strings.
/// Built by <see cref="StateRecordsBuilder"/> when read back, and in place by the stable-id stage; plain arrays, owned by the state.
/// </summary>
internal sealed class StateRecords(byte[][] modelNames, int[] model, byte[] keyBytes, int[] keyOffsets, DinmoId[] ids, bool[] active)
{
    public static readonly StateRecords Empty = new([], [], [], [0], [], []);

    /// <summary>Distinct model names (UTF-8) in row order; <see cref="Model"/> indexes into it.</summary>
    public byte[][] ModelNames { get; } = modelNames;

    public int[] Model { get; } = model;

    public DinmoId[] Ids { get; } = ids;

    public bool[] Active { get; } = active;

    public int Count => Ids.Length;

    public ReadOnlySpan<byte> Key(int row) => keyBytes.AsSpan(keyOffsets[row], keyOffsets[row + 1] - keyOffsets[row]);

    public ReadOnlySpan<byte> ModelName(int row) => ModelNames[Model[row]];

    /// <summary>Row order against a (model, key): negative when the row sorts first.</summary>
    public int CompareTo(int row, ReadOnlySpan<byte> model, ReadOnlySpan<byte> key)
    {
        var order = ModelName(row).SequenceCompareTo(model);
        return order != 0 ? order : Key(row).SequenceCompareTo(key);
    }
}
