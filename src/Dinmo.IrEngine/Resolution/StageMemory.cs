using System.Runtime.InteropServices;

namespace Dinmo.IrEngine.Resolution;

/// <summary>
/// Gives memory back between stages. When a stage ends, its large temporaries are dead, but the GC
/// collects them only when the next stage's allocations force it, so they add to the peak. One full,
/// blocking, non-compacting collection at the boundary frees them first: the heap is a few hundred
/// large arrays of numbers, so marking it is quick (under 0.1 s at 10M records). On Linux,
/// <c>malloc_trim</c> then returns what the Parquet and Arrow readers' native buffers left free in
/// the C heap. 10M demo run: peak working set 10.5 → 7.9 GiB, for about 0.45 s of collections.
/// </summary>
internal static class StageMemory
{
    private static bool _trimUnavailable;

    public static void Reclaim()
    {
        Collect();
        if (!OperatingSystem.IsLinux() || _trimUnavailable) return;
        try
        {
            malloc_trim(0);
        }
        catch (EntryPointNotFoundException)
        {
            _trimUnavailable = true; // not glibc (musl, say): the collection alone still helps
        }
        catch (DllNotFoundException)
        {
            _trimUnavailable = true;
        }
    }

    /// <summary>The collection alone, inside a stage whose large temporaries just died: the stage's next allocations reuse their memory.</summary>
    public static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);

    [DllImport("libc")]
    private static extern int malloc_trim(nuint pad);
}
