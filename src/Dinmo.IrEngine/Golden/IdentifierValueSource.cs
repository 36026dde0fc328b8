using System.Text.Unicode;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Golden;

/// <summary>Golden identifier values: handles are value ids of the standardized values.</summary>
internal sealed class IdentifierValueSource(ValueDictionary values) : IGoldenValueSource
{
    public bool IsText => true;

    public bool AreEqual(int a, int b) => a == b;

    public ulong Hash(int handle) => (ulong)handle;

    public int Compare(int a, int b) => values[a].SequenceCompareTo(values[b]);

    public int Length(int handle) => CodePoints.Count(values[handle]);
}

/// <summary>Counts code points of valid UTF-8: every byte that is not a continuation byte starts one.</summary>
internal static class CodePoints
{
    public static int Count(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80) count++;
        }
        return count;
    }
}
