using Apache.Arrow;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>Builds a golden field column in its output type from chosen load positions (-1 = null).</summary>
internal static class GoldenFieldArray
{
    public static IArrowArray Build(FieldColumn field, IEnumerable<int> loads)
    {
        switch (field.Kind)
        {
            case FieldKind.Text:
            {
                var b = new StringArray.Builder();
                foreach (var l in loads)
                {
                    if (l < 0) b.AppendNull();
                    else b.Append(field.Text(l));
                }
                return b.Build();
            }
            case FieldKind.Integer when field.OutputType is Apache.Arrow.Types.Int32Type:
            {
                var b = new Int32Array.Builder();
                foreach (var l in loads)
                {
                    if (l < 0) b.AppendNull();
                    else b.Append((int)field.Number(l));
                }
                return b.Build();
            }
            case FieldKind.Integer:
            {
                var b = new Int64Array.Builder();
                foreach (var l in loads)
                {
                    if (l < 0) b.AppendNull();
                    else b.Append(field.Number(l));
                }
                return b.Build();
            }
            case FieldKind.Real:
            {
                var b = new DoubleArray.Builder();
                foreach (var l in loads)
                {
                    if (l < 0) b.AppendNull();
                    else b.Append(field.Real(l));
                }
                return b.Build();
            }
            case FieldKind.Boolean:
            {
                var b = new BooleanArray.Builder();
                foreach (var l in loads)
                {
                    if (l < 0) b.AppendNull();
                    else b.Append(field.Number(l) != 0);
                }
                return b.Build();
            }
            case FieldKind.Date:
            {
                var b = new Date32Array.Builder();
                foreach (var l in loads)
                {
                    if (l < 0) b.AppendNull();
                    else b.Append(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)field.Number(l)));
                }
                return b.Build();
            }
            default:
            {
                var b = ColumnTypes.InstantBuilder();
                foreach (var l in loads) b.AppendInstant(l < 0 ? Timestamps.Null : field.Number(l));
                return b.Build();
            }
        }
    }
}
