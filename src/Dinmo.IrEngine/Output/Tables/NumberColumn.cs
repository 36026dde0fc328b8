using System.Runtime.InteropServices;
using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>Non-null numeric and flag columns of output tables, built from whole arrays rather than value by value.</summary>
internal static class NumberColumn
{
    public static Int64Array Of(long[] values) =>
        new(new ArrowBuffer(MemoryMarshal.AsBytes(values.AsSpan()).ToArray()), ArrowBuffer.Empty, values.Length, 0, 0);

    public static BooleanArray Flags(bool[] values)
    {
        var bits = new byte[(values.Length + 7) / 8];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i]) bits[i >> 3] |= (byte)(1 << (i & 7));
        }
        return new BooleanArray(new ArrowBuffer(bits), ArrowBuffer.Empty, values.Length, 0, 0);
    }
}
