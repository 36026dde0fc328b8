using System.Buffers.Text;
using System.Globalization;
using Apache.Arrow;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Renders one Arrow cell as UTF-8 text, invariant culture: strings as they are (zero copy),
/// integers in decimal, floats round-trip, booleans true/false, dates yyyy-MM-dd and timestamps
/// ISO-8601 UTC. This is how primary keys become entity keys and non-string identifier columns
/// become identifier values (SPEC §2).
/// </summary>
internal static class ArrowValueText
{
    /// <summary>
    /// The text of <paramref name="array"/>[<paramref name="row"/>]: either a slice of the array's own
    /// buffer or of <paramref name="scratch"/>. Returns false for a null.
    /// </summary>
    public static bool TryGet(IArrowArray array, int row, Span<byte> scratch, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (array.IsNull(row)) return false;
        int written;
        switch (array)
        {
            case BinaryArray binary: // StringArray derives from it
                text = binary.GetBytes(row);
                return true;
            case LargeBinaryArray large:
                text = large.GetBytes(row);
                return true;
            case BinaryViewArray view:
                text = view.GetBytes(row);
                return true;
            case Int64Array a: Utf8Formatter.TryFormat(a.Values[row], scratch, out written); break;
            case Int32Array a: Utf8Formatter.TryFormat(a.Values[row], scratch, out written); break;
            case Int16Array a: Utf8Formatter.TryFormat(a.Values[row], scratch, out written); break;
            case Int8Array a: Utf8Formatter.TryFormat(a.Values[row], scratch, out written); break;
            case UInt64Array a: Utf8Formatter.TryFormat(a.Values[row], scratch, out written); break;
            case UInt32Array a: Utf8Formatter.TryFormat(a.Values[row], scratch, out written); break;
            case UInt16Array a: Utf8Formatter.TryFormat(a.Values[row], scratch, out written); break;
            case UInt8Array a: Utf8Formatter.TryFormat(a.Values[row], scratch, out written); break;
            case DoubleArray a: a.Values[row].TryFormat(scratch, out written, "R", CultureInfo.InvariantCulture); break;
            case FloatArray a: a.Values[row].TryFormat(scratch, out written, "R", CultureInfo.InvariantCulture); break;
            case BooleanArray a:
                text = a.GetValue(row) == true ? "true"u8 : "false"u8;
                return true;
            case Date32Array a: a.GetDateOnly(row)!.Value.TryFormat(scratch, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
            case Date64Array a: a.GetDateOnly(row)!.Value.TryFormat(scratch, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
            case TimestampArray a:
                written = Timestamps.FormatIso(Timestamps.ToMicros(a, row), scratch);
                break;
            case Decimal128Array a: a.GetValue(row)!.Value.TryFormat(scratch, out written, default, CultureInfo.InvariantCulture); break;
            default:
                throw new InvalidOperationException($"column type {array.Data.DataType.Name} cannot be read as text");
        }
        text = scratch[..written];
        return true;
    }

    /// <summary>Whether values of this type can be read as text (checked before any data is read).</summary>
    public static bool Supports(Apache.Arrow.Types.IArrowType type) => type.TypeId is
        Apache.Arrow.Types.ArrowTypeId.String or Apache.Arrow.Types.ArrowTypeId.LargeString or
        Apache.Arrow.Types.ArrowTypeId.StringView or Apache.Arrow.Types.ArrowTypeId.Binary or
        Apache.Arrow.Types.ArrowTypeId.Int64 or Apache.Arrow.Types.ArrowTypeId.Int32 or
        Apache.Arrow.Types.ArrowTypeId.Int16 or Apache.Arrow.Types.ArrowTypeId.Int8 or
        Apache.Arrow.Types.ArrowTypeId.UInt64 or Apache.Arrow.Types.ArrowTypeId.UInt32 or
        Apache.Arrow.Types.ArrowTypeId.UInt16 or Apache.Arrow.Types.ArrowTypeId.UInt8 or
        Apache.Arrow.Types.ArrowTypeId.Double or Apache.Arrow.Types.ArrowTypeId.Float or
        Apache.Arrow.Types.ArrowTypeId.Boolean or Apache.Arrow.Types.ArrowTypeId.Date32 or
        Apache.Arrow.Types.ArrowTypeId.Date64 or Apache.Arrow.Types.ArrowTypeId.Timestamp or
        Apache.Arrow.Types.ArrowTypeId.Decimal128;

    /// <summary>Scratch bytes enough for any rendered non-string value (a decimal128 is at most 40).</summary>
    public const int ScratchBytes = 64;
}
