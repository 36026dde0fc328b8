using Apache.Arrow;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.StableIds;

/// <summary>Arrow text columns of dinmo_ids and id history, written from the columns without .NET strings, and ids read back.</summary>
internal static class IdColumns
{
    public static StringArray Text(ReadOnlySpan<DinmoId> ids)
    {
        var builder = new TextColumnBuilder(ids.Length, DinmoId.TextLength);
        Span<byte> text = stackalloc byte[DinmoId.TextLength];
        foreach (var id in ids)
        {
            id.Format(text);
            builder.Append(text);
        }
        return builder.Build();
    }

    /// <summary>The <c>dinmo_id</c>, <c>change_type</c>, <c>into_dinmo_id</c> and <c>run_id</c> columns of the history.</summary>
    public static List<IArrowArray> History(IdChangeLog history)
    {
        var columns = new IdHistoryColumns(history, history.Rows.Length);
        foreach (var row in history.Rows) columns.Append(row);
        return [columns.Ids.Build(), columns.Types.Build(), columns.Into.Build(), columns.Runs.Build()];
    }

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
