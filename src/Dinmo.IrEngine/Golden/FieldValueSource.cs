using System.IO.Hashing;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Golden;

/// <summary>Golden field values: handles are load positions into a <see cref="FieldColumn"/>.</summary>
internal sealed class FieldValueSource(FieldColumn column) : IGoldenValueSource
{
    public bool IsText => column.Kind == FieldKind.Text;

    public bool AreEqual(int a, int b) => IsText
        ? column.Text(a).SequenceEqual(column.Text(b))
        : column.Number(a) == column.Number(b);

    public ulong Hash(int handle) => IsText ? XxHash3.HashToUInt64(column.Text(handle)) : (ulong)column.Number(handle);

    public int Compare(int a, int b) => column.Kind switch
    {
        FieldKind.Text => column.Text(a).SequenceCompareTo(column.Text(b)),
        FieldKind.Real => column.Real(a).CompareTo(column.Real(b)),
        _ => column.Number(a).CompareTo(column.Number(b)),
    };

    public int Length(int handle) => CodePoints.Count(column.Text(handle));
}
