using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Asks the CPU to start loading a cache line that a loop will read a few steps later, so that
/// independent random reads overlap instead of waiting one after another. A hint only: it changes
/// no result and the instruction cannot fault (the array index is still bounds-checked). It is
/// issued on x86 (SSE) only; elsewhere it does nothing.
/// </summary>
internal static class CacheHint
{
    /// <summary>Prefetches the line holding <paramref name="item"/> into every cache level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref T item)
    {
        // The address is only a hint: if the GC moves the array before the load, the CPU fetches a stale line.
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref item));
    }

    /// <summary>
    /// Prefetches the first two lines of <paramref name="item"/> (most objects here are one or two lines) without
    /// reading it. An instance method that prefetches its own fields would not do: calling it checks the object for
    /// null, and that check loads the very line the prefetch is meant to start. A null item prefetches nothing useful
    /// and does no harm.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchObject(object? item)
    {
        if (!Sse.IsSupported) return;
        var address = (byte*)Unsafe.As<object?, nint>(ref item);
        Sse.Prefetch0(address);
        Sse.Prefetch0(address + 64);
    }

    /// <summary>
    /// Prefetches every line <paramref name="item"/> spans, for a struct of at most one line (64 bytes): its first and
    /// its last byte's (one line or two). Arrays do not start on a cache line, so a struct of 24, 32 or 40 bytes often
    /// straddles two, and a prefetch of its first line alone leaves the fields on the second one a miss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchWhole<T>(ref T item)
    {
        System.Diagnostics.Debug.Assert(Unsafe.SizeOf<T>() <= 64, "PrefetchWhole fetches two lines at most");
        if (!Sse.IsSupported) return;
        var first = (byte*)Unsafe.AsPointer(ref item);
        Sse.Prefetch0(first);
        if (Unsafe.SizeOf<T>() > 1) Sse.Prefetch0(first + Unsafe.SizeOf<T>() - 1);
    }
}
