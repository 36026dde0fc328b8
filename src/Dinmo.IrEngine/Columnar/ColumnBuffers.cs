using System.Buffers;
using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Where the growable columns get their arrays. Small arrays come from the shared pool. Large ones
/// (a stage's whole column) are allocated uninitialized and left to the GC when dropped: the shared
/// pool keeps up to eight returned arrays per size per core, so a column that grows by doubling
/// would leave every smaller copy of itself parked in the pool (about its own size again) until a
/// full GC under memory pressure trims it, which doubled the memory a large run held. From
/// <see cref="HugePages.MinBytes"/> up they are pinned and backed by huge pages where the system allows
/// it (<see cref="HugePages"/>): pinned arrays are never moved, only freed when dropped.
/// </summary>
internal static class ColumnBuffers
{
    /// <summary>Arrays from this size up bypass the pool; below it, pooling saves the allocation of many short-lived batch buffers.</summary>
    public const int LargeBytes = 1 << 20;

    public static T[] Rent<T>(int length) where T : unmanaged
    {
        if ((long)length * Unsafe.SizeOf<T>() < LargeBytes) return ArrayPool<T>.Shared.Rent(length);
        if ((long)length * Unsafe.SizeOf<T>() < HugePages.MinBytes) return GC.AllocateUninitializedArray<T>(length);
        // Pinned, so that the huge-page advice stays with the array's memory.
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        HugePages.Advise(array);
        return array;
    }

    /// <summary>
    /// A zeroed array, for tables and columns that are read at random places: a large one is pinned and
    /// backed by huge pages where the system allows it (<see cref="HugePages"/>).
    /// </summary>
    public static T[] Zeroed<T>(int length) where T : unmanaged => Zeroed<T>(length, threads: 1);

    /// <summary>
    /// As <see cref="Zeroed{T}(int)"/>, cleared on up to <paramref name="threads"/> threads when large: clearing is where the
    /// memory is first touched, and where fresh memory is slow to come by (a VM whose host takes freed pages back, at about
    /// 150 MB/s per core), a core per share of it shortens the wait.
    /// </summary>
    public static T[] Zeroed<T>(int length, int threads) where T : unmanaged
    {
        var array = Uninitialized<T>(length);
        // After the advice, so that the first touch already takes huge pages.
        var shares = (int)Math.Clamp((long)length * Unsafe.SizeOf<T>() / ParallelClearBytes, 1, Math.Max(threads, 1));
        if (shares == 1) array.AsSpan().Clear();
        else Parallel.For(0, shares, ParallelChunks.Options(shares),
            s => array.AsSpan((int)((long)length * s / shares), (int)((long)length * (s + 1) / shares) - (int)((long)length * s / shares)).Clear());
        return array;
    }

    /// <summary>Arrays are cleared on several threads from twice this size up: below, a thread's start costs more than it saves.</summary>
    private const long ParallelClearBytes = 16L << 20;

    /// <summary>As <see cref="Zeroed{T}"/>, but not zeroed: for arrays whose every element is written before it is read.</summary>
    public static T[] Uninitialized<T>(int length) where T : unmanaged
    {
        if ((long)length * Unsafe.SizeOf<T>() < HugePages.MinBytes) return GC.AllocateUninitializedArray<T>(length);
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        HugePages.Advise(array);
        return array;
    }

    /// <summary>Like <see cref="Array.Resize{T}"/>, through <see cref="Zeroed{T}"/>.</summary>
    public static void Resize<T>(ref T[] array, int length) where T : unmanaged
    {
        var resized = Zeroed<T>(length);
        array.AsSpan(0, Math.Min(array.Length, length)).CopyTo(resized);
        array = resized;
    }

    /// <summary>
    /// Like <see cref="Resize{T}"/>, for an array whose elements from <paramref name="used"/> on are always written before
    /// they are read: only the used ones are copied, and the rest is left as it comes (<see cref="Uninitialized{T}"/>), so
    /// memory past what is used is never touched.
    /// </summary>
    public static void Grow<T>(ref T[] array, int length, int used) where T : unmanaged
    {
        var grown = Uninitialized<T>(length);
        array.AsSpan(0, used).CopyTo(grown);
        array = grown;
    }

    /// <summary>A reservation of <paramref name="amount"/> elements, no larger than an array can hold; the columns grow past it if ever needed.</summary>
    public static int Reservation(long amount) => (int)Math.Min(amount, int.MaxValue / 2);

    public static void Return<T>(T[] array) where T : unmanaged
    {
        if ((long)array.Length * Unsafe.SizeOf<T>() < LargeBytes && array.Length > 0) ArrayPool<T>.Shared.Return(array);
    }
}
