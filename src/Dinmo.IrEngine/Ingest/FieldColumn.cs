using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// The raw values of one golden field (SPEC §3.4) for every record, by load position, kept in the
/// source type family: text as UTF-8, integers, reals, booleans, dates and timestamps as numbers.
/// Output types: strings → utf8; int32 and int64 as they are, other integers → int64; float and
/// double → double; booleans; date32/date64 → date32; timestamps → timestamp[µs, UTC]; decimal → text.
/// </summary>
internal sealed class FieldColumn : IDisposable
{
    private readonly GrowableArray<long> _numbers;
    private readonly GrowableArray<bool> _nulls;
    private readonly Utf8Column _text;

    public FieldColumn(string name, IArrowType sourceType, int capacity = 1024, int byteCapacity = 16 * 1024)
    {
        Name = name;
        (Kind, OutputType) = Classify(sourceType);
        _numbers = new GrowableArray<long>(capacity);
        _nulls = new GrowableArray<bool>(capacity);
        _text = new Utf8Column(capacity, Kind == FieldKind.Text ? byteCapacity : 0);
    }

    /// <summary>Text bytes held (for sizing a column that joins several).</summary>
    public int TextBytes => _text.ByteCount;

    public string Name { get; }
    public FieldKind Kind { get; }
    public IArrowType OutputType { get; }

    public bool IsNull(int loadIndex) => _nulls[loadIndex];

    /// <summary>Integers, booleans (0/1), dates (days), timestamps (µs) and doubles (their bits).</summary>
    public long Number(int loadIndex) => _numbers[loadIndex];

    public double Real(int loadIndex) => BitConverter.Int64BitsToDouble(_numbers[loadIndex]);

    public ReadOnlySpan<byte> Text(int loadIndex) => _text[loadIndex];

    /// <summary>Appends a text value (a <see cref="FieldKind.Text"/> field), as <see cref="Append"/> does for a text cell.</summary>
    public void AppendText(ReadOnlySpan<byte> text)
    {
        _text.Add(text);
        _numbers.Add(0);
        _nulls.Add(false);
    }

    /// <summary>Appends the value of <paramref name="array"/>[<paramref name="row"/>], or a null when the model has no such column.</summary>
    public void Append(IArrowArray? array, int row)
    {
        if (array is null || array.IsNull(row))
        {
            AppendNull();
            return;
        }
        long number = 0;
        switch (Kind)
        {
            case FieldKind.Text:
                Span<byte> scratch = stackalloc byte[ArrowValueText.ScratchBytes];
                ArrowValueText.TryGet(array, row, scratch, out var text);
                AppendText(text);
                return;
            case FieldKind.Real:
                number = BitConverter.DoubleToInt64Bits(array is FloatArray f ? f.Values[row] : ((DoubleArray)array).Values[row]);
                break;
            case FieldKind.Boolean:
                number = ((BooleanArray)array).GetValue(row) == true ? 1 : 0;
                break;
            case FieldKind.Date:
                number = array is Date32Array d32 ? d32.Values[row] : ((Date64Array)array).Values[row] / 86_400_000L;
                break;
            case FieldKind.Timestamp:
                number = Timestamps.ToMicros((TimestampArray)array, row);
                break;
            case FieldKind.Integer:
                number = array switch
                {
                    Int64Array a => a.Values[row], Int32Array a => a.Values[row], Int16Array a => a.Values[row],
                    Int8Array a => a.Values[row], UInt64Array a => (long)a.Values[row], UInt32Array a => a.Values[row],
                    UInt16Array a => a.Values[row], UInt8Array a => a.Values[row],
                    _ => throw new InvalidOperationException($"not an integer array: {array.Data.DataType.Name}"),
                };
                break;
        }
        _numbers.Add(number);
        _nulls.Add(false);
        _text.AddNull();
    }

    /// <summary>Appends every value of <paramref name="other"/>, a column of the same field read from another model.</summary>
    public void AddAll(FieldColumn other)
    {
        _numbers.AddRange(other._numbers.AsSpan());
        _nulls.AddRange(other._nulls.AsSpan());
        _text.AddAll(other._text);
    }

    /// <summary>Appends a null, as <see cref="Append"/> does for a null cell or a missing column.</summary>
    public void AppendNull()
    {
        _numbers.Add(0);
        _nulls.Add(true);
        _text.AddNull();
    }

    private static (FieldKind, IArrowType) Classify(IArrowType type) => type.TypeId switch
    {
        ArrowTypeId.Int32 => (FieldKind.Integer, Int32Type.Default),
        ArrowTypeId.Int64 or ArrowTypeId.Int16 or ArrowTypeId.Int8 or ArrowTypeId.UInt64 or ArrowTypeId.UInt32
            or ArrowTypeId.UInt16 or ArrowTypeId.UInt8 => (FieldKind.Integer, Int64Type.Default),
        ArrowTypeId.Double or ArrowTypeId.Float => (FieldKind.Real, DoubleType.Default),
        ArrowTypeId.Boolean => (FieldKind.Boolean, BooleanType.Default),
        ArrowTypeId.Date32 or ArrowTypeId.Date64 => (FieldKind.Date, Date32Type.Default),
        ArrowTypeId.Timestamp => (FieldKind.Timestamp, new TimestampType(TimeUnit.Microsecond, "UTC")),
        _ => (FieldKind.Text, StringType.Default),
    };

    public void Dispose()
    {
        _numbers.Dispose();
        _nulls.Dispose();
        _text.Dispose();
    }
}

/// <summary>How a golden field's values are kept and compared.</summary>
internal enum FieldKind { Text, Integer, Real, Boolean, Date, Timestamp }
