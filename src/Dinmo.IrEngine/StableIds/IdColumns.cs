using Apache.Arrow;

namespace Dinmo.IrEngine.StableIds;

/// <summary>dinmo_ids read back from Arrow text columns.</summary>
internal static class IdColumns
{
    /// <summary>The id in row <paramref name="row"/>; <see cref="InvalidDataException"/> for a null or a text that is no canonical UUID.</summary>
    public static DinmoId Parse(StringArray column, int row)
    {
        if (column.IsNull(row) || !DinmoId.TryParse(column.GetBytes(row), out var id))
        {
            throw new InvalidDataException($"row {row}: '{column.GetString(row)}' is not a dinmo_id (lower-case 8-4-4-4-12 UUID)");
        }
        return id;
    }
}
