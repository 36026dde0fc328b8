using System.Runtime.InteropServices;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Columnar;

public sealed unsafe partial class HugePagesTests
{
    [LinuxFact]
    public void Populate_FaultsInEveryWholePageOfTheRange_AcrossManySteps_AndNoneAfterIt()
    {
        // 48 MiB of fresh memory (an allocation this large is mapped for it alone, so no page of it is resident yet).
        const int bytes = 48 << 20;
        var memory = (nint)NativeMemory.AlignedAlloc(bytes, 1 << 21);
        try
        {
            var page = Environment.SystemPageSize;
            Assert.DoesNotContain(true, Residency(memory, memory + bytes, page));
            // A range that starts and ends inside pages and spans many of Populate's steps.
            var (start, end) = (memory + 1000, memory + (40 << 20) + 333);
            HugePages.Populate(start, end);

            Assert.DoesNotContain(false, Residency(memory + page, memory + (40 << 20), page));
            // From the next huge page after the range on (the last huge page of the range may be faulted in whole): untouched.
            Assert.DoesNotContain(true, Residency(memory + (42 << 20), memory + bytes, page));
        }
        finally
        {
            NativeMemory.AlignedFree((void*)memory);
        }
    }

    private static bool[] Residency(nint from, nint to, int page)
    {
        var vector = new byte[(to - from + page - 1) / page];
        Assert.Equal(0, Mincore(from, (nuint)(to - from), vector));
        return [.. vector.Select(v => (v & 1) != 0)];
    }

    [LibraryImport("libc", EntryPoint = "mincore")]
    private static partial int Mincore(nint address, nuint length, [Out] byte[] vector);
}
