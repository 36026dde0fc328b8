using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// A golden field column in its output type, appended from chosen load positions (-1 = null) into
/// the reused buffers of one value builder of the field's kind.
/// </summary>
internal sealed class GoldenFieldColumn : IColumnChunk
{
    private readonly FieldColumn _field;
    private readonly FieldKind _kind;
    private readonly TextColumnBuilder? _text;
    private readonly ValueColumnBuilder<int>? _int32;
    private readonly ValueColumnBuilder<long>? _int64;
    private readonly ValueColumnBuilder<double>? _real;
    private readonly FlagColumnBuilder? _flag;
    private readonly IColumnChunk _column;

    public GoldenFieldColumn(FieldColumn field, int capacity)
    {
        _field = field;
        _kind = field.Kind;
        _column = field.Kind switch
        {
            FieldKind.Text => _text = new TextColumnBuilder(capacity),
            FieldKind.Integer when field.OutputType is Int32Type => _int32 = new ValueColumnBuilder<int>(Int32Type.Default, capacity),
            FieldKind.Integer => _int64 = new ValueColumnBuilder<long>(Int64Type.Default, capacity),
            FieldKind.Real => _real = new ValueColumnBuilder<double>(DoubleType.Default, capacity),
            FieldKind.Boolean => _flag = new FlagColumnBuilder(capacity),
            // Days since the Unix epoch, as the field holds them.
            FieldKind.Date => _int32 = new ValueColumnBuilder<int>(Date32Type.Default, capacity),
            _ => _int64 = new ValueColumnBuilder<long>(ColumnTypes.Instant, capacity),
        };
    }

    public int Count => _column.Count;

    public void Append(int load)
    {
        if (load < 0)
        {
            AppendNull();
            return;
        }
        switch (_kind)
        {
            case FieldKind.Text: _text!.Append(_field.Text(load)); break;
            case FieldKind.Integer or FieldKind.Date when _int32 is not null: _int32.Append((int)_field.Number(load)); break;
            case FieldKind.Integer: _int64!.Append(_field.Number(load)); break;
            case FieldKind.Real: _real!.Append(_field.Real(load)); break;
            case FieldKind.Boolean: _flag!.Append(_field.Number(load) != 0); break;
            default:
                // A timestamp's own null marker stays a null, as Arrow's timestamp builder was told before.
                var micros = _field.Number(load);
                if (micros == Timestamps.Null) _int64!.AppendNull();
                else _int64!.Append(micros);
                break;
        }
    }

    public IArrowArray BuildChunk() => _column.BuildChunk();

    public void Reset() => _column.Reset();

    private void AppendNull()
    {
        if (_text is not null) _text.AppendNull();
        else if (_int32 is not null) _int32.AppendNull();
        else if (_int64 is not null) _int64.AppendNull();
        else if (_real is not null) _real.AppendNull();
        else _flag!.AppendNull();
    }
}
