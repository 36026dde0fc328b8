using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>The Arrow types of output columns (SPEC §6 conventions), and how an instant is appended.</summary>
internal static class ColumnTypes
{
    public static readonly IArrowType Text = StringType.Default;
    public static readonly IArrowType Int64 = Int64Type.Default;
    public static readonly IArrowType Real = DoubleType.Default;
    public static readonly IArrowType Flag = BooleanType.Default;
    public static readonly TimestampType Instant = new(TimeUnit.Microsecond, "UTC");
    public static readonly IArrowType TextList = new ListType(new Field("item", StringType.Default, true));
    public static readonly IArrowType Int64List = new ListType(new Field("item", Int64Type.Default, true));
    public static readonly IArrowType RealList = new ListType(new Field("item", DoubleType.Default, true));

    /// <summary>Appends a UTC instant in microseconds, or a null for <see cref="Ingest.Timestamps.Null"/>.</summary>
    public static void AppendInstant(this ValueColumnBuilder<long> column, long micros)
    {
        if (micros == Ingest.Timestamps.Null) column.AppendNull();
        else column.Append(micros);
    }
}
