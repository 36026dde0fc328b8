using System.Buffers;
using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Where the growable columns get their arrays. Small arrays come from the shared pool. Large ones
/// (a stage's whole column) are allocated uninitialized and left to the GC when dropped: the shared
/// pool keeps up to eight returned arrays per size per core, so a column that grows by doubling
/// would leave every smaller copy of itself parked in the pool (about its own size again) until a
/// full GC under memory pressure trims it, which doubled the memory a large run held.
/// </summary>
internal static class ColumnBuffers
{
    /// <summary>Arrays from this size up bypass the pool; below it, pooling saves the allocation of many short-lived batch buffers.</summary>
    public const int LargeBytes = 1 << 20;

    public static T[] Rent<T>(int length) where T : unmanaged =>
        (long)length * Unsafe.SizeOf<T>() < LargeBytes ? ArrayPool<T>.Shared.Rent(length) : GC.AllocateUninitializedArray<T>(length);

    public static void Return<T>(T[] array) where T : unmanaged
    {
        if ((long)array.Length * Unsafe.SizeOf<T>() < LargeBytes && array.Length > 0) ArrayPool<T>.Shared.Return(array);
    }
}
