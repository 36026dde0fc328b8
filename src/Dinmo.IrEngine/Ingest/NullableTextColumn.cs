using System.Data.Common;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// A CSV column typed as nullable text. Declaring the column nullable is what makes Sylvan report
/// an empty unquoted field as DBNull while a quoted empty field (<c>""</c>) stays an empty string.
/// </summary>
internal sealed class NullableTextColumn : DbColumn
{
    public NullableTextColumn(string? name, int ordinal)
    {
        ColumnName = name ?? "";
        ColumnOrdinal = ordinal;
        DataType = typeof(string);
        AllowDBNull = true;
    }
}
