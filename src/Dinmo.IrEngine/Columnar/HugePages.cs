using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Asks Linux to back a large pinned array with transparent huge pages (2 MiB) where the system allows
/// it for memory that asks (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> at <c>madvise</c>, the
/// usual default): the stages read such arrays at random places (tens of millions of values), and with
/// 4 KiB pages nearly every read also missed the TLB, while every first touch took a page fault. A hint
/// only: where huge pages are off, or on other systems, nothing changes.
/// </summary>
internal static partial class HugePages
{
    /// <summary>Arrays from this size up get the advice: below a few huge pages it saves nothing.</summary>
    public const long MinBytes = 8L << 20;

    private const nint PageBytes = 2 << 20;
    private const int MadvHugePage = 14;

    /// <summary>Advises the whole 2 MiB pages inside <paramref name="array"/>, which must be pinned (never moved).</summary>
    public static unsafe void Advise<T>(T[] array) where T : unmanaged
    {
        Advise((nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)), (long)array.Length * Unsafe.SizeOf<T>());
        GC.KeepAlive(array);
    }

    /// <summary>Advises the whole 2 MiB pages inside <paramref name="bytes"/> bytes of native memory from <paramref name="start"/>.</summary>
    public static void Advise(nint start, long bytes)
    {
        if (bytes < MinBytes || !OperatingSystem.IsLinux()) return;
        var first = (start + PageBytes - 1) & ~(PageBytes - 1);
        var end = (start + (nint)bytes) & ~(PageBytes - 1);
        if (end <= first) return;
        try
        {
            _ = Madvise(first, (nuint)(end - first), MadvHugePage); // an error (no THP support) leaves the pages as they are
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    /// <summary>The size of a huge page, the alignment that lets a large buffer start on one.</summary>
    public const int PageSize = (int)PageBytes;

    // MADV_POPULATE_WRITE from linux/mman-common.h (Linux 5.14 and later).
    private const int MadvPopulateWrite = 23;

    /// <summary>How much <see cref="Populate(nint, nint)"/> faults in per call.</summary>
    private const nint PopulateStep = PageBytes;

    /// <summary>
    /// Faults in, writable, the whole pages of <paramref name="array"/> (pinned) that lie inside elements
    /// [<paramref name="from"/>, <paramref name="to"/>) without changing a byte (Linux 5.14 and later; elsewhere nothing
    /// happens): a thread with time to spare takes the page faults and the clearing of fresh memory that another
    /// would take when it first writes there. Safe while that other thread writes the same elements.
    /// </summary>
    public static unsafe void Populate<T>(T[] array, int from, int to) where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if ((long)array.Length * size < MinBytes || to <= from) return;
        var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        Populate(start + (nint)from * size, start + (nint)Math.Min(to, array.Length) * size);
        GC.KeepAlive(array); // advised while alive: a pinned array is freed only once nothing holds it
    }

    /// <summary>As <see cref="Populate{T}"/>, for the whole pages of memory in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static void Populate(nint start, nint end)
    {
        if (!OperatingSystem.IsLinux()) return;
        var page = (nint)Environment.SystemPageSize;
        var first = (start + page - 1) & ~(page - 1);
        var last = end & ~(page - 1);
        try
        {
            // A huge page at a time: the kernel holds the process's memory map lock (shared) through each call, and a
            // thread that maps or protects memory meanwhile (the GC committing memory for the stitch loop's objects) waits
            // for it to end. One call over the whole room held the loop up for as long as the room took to fault in.
            for (var at = first; at < last; at += PopulateStep)
                if (Madvise(at, (nuint)Math.Min(PopulateStep, last - at), MadvPopulateWrite) != 0) break; // refused (an older kernel): the writes fault as before
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
