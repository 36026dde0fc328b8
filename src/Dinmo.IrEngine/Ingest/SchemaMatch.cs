using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Checks that two files of one model have the same schema: the same column names in the same
/// order, with the same Arrow types (nullability and field metadata are ignored).
/// </summary>
internal static class SchemaMatch
{
    public static void Require(ITableSource first, ITableSource other, string model)
    {
        var a = first.Schema.FieldsList;
        var b = other.Schema.FieldsList;
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i >= a.Count || i >= b.Count)
            {
                var extra = i >= a.Count ? b[i].Name : a[i].Name;
                var onlyIn = i >= a.Count ? other.File : first.File;
                Fail($"column '{extra}' is only in '{onlyIn}' ({a.Count} vs {b.Count} columns)", first, other, model, extra);
            }
            if (a[i].Name != b[i].Name)
                Fail($"column {i + 1} is '{a[i].Name}' in one file and '{b[i].Name}' in the other", first, other, model, a[i].Name);
            if (!SameType(a[i].DataType, b[i].DataType))
                Fail($"column '{a[i].Name}' is {Describe(a[i].DataType)} in one file and {Describe(b[i].DataType)} in the other",
                    first, other, model, a[i].Name);
        }
    }

    /// <summary>Structural type equality; list item names ("item" vs "element") do not matter.</summary>
    public static bool SameType(IArrowType x, IArrowType y) => (x, y) switch
    {
        (ListType lx, ListType ly) => SameType(lx.ValueDataType, ly.ValueDataType),
        (TimestampType tx, TimestampType ty) => tx.Unit == ty.Unit && tx.Timezone == ty.Timezone,
        (Decimal128Type dx, Decimal128Type dy) => dx.Precision == dy.Precision && dx.Scale == dy.Scale,
        (FixedSizeBinaryType fx, FixedSizeBinaryType fy) => fx.ByteWidth == fy.ByteWidth,
        (StructType sx, StructType sy) => sx.Fields.Count == sy.Fields.Count &&
            sx.Fields.Zip(sy.Fields).All(p => p.First.Name == p.Second.Name && SameType(p.First.DataType, p.Second.DataType)),
        _ => x.TypeId == y.TypeId && Describe(x) == Describe(y),
    };

    public static string Describe(IArrowType type) => type switch
    {
        ListType list => $"list<{Describe(list.ValueDataType)}>",
        TimestampType ts => $"timestamp[{ts.Unit}{(ts.Timezone is null ? "" : ", " + ts.Timezone)}]",
        _ => type.Name,
    };

    private static void Fail(string difference, ITableSource first, ITableSource other, string model, string column) =>
        Throw.Input($"input files have different schemas: {difference}; every file of a model must have the same schema " +
            $"(files '{first.File}' and '{other.File}')", model: model, column: column);
}
