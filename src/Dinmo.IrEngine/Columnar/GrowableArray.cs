using System.Buffers;
using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// An append-only column of unmanaged values in a rented array. The stage that builds it owns it
/// and disposes it; <see cref="AsSpan"/> is valid until the next append.
/// </summary>
internal sealed class GrowableArray<T> : IDisposable where T : unmanaged
{
    private T[] _items;
    private int _count;

    public GrowableArray(int capacity = 1024) => _items = ColumnBuffers.Rent<T>(Math.Max(capacity, 16));

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (_count == _items.Length) Grow();
        _items[_count++] = item;
    }

    /// <summary>Appends all of <paramref name="items"/> with one copy.</summary>
    public void AddRange(ReadOnlySpan<T> items)
    {
        while (_count + items.Length > _items.Length) Grow();
        items.CopyTo(_items.AsSpan(_count));
        _count += items.Length;
    }

    public ref T this[int index] => ref _items[index];

    /// <summary>Makes room for <paramref name="capacity"/> values at once, so appending up to there never copies.</summary>
    public void Reserve(int capacity)
    {
        if (capacity <= _items.Length) return;
        var larger = ColumnBuffers.Rent<T>(capacity);
        _items.AsSpan(0, _count).CopyTo(larger);
        ColumnBuffers.Return(_items);
        _items = larger;
    }

    public Span<T> AsSpan() => _items.AsSpan(0, _count);

    /// <summary>
    /// Faults in the room for up to <paramref name="values"/> more values past those held (<see cref="HugePages.Populate"/>),
    /// for a thread with time to spare while another appends. The array is read once: if the appends outgrow it meanwhile,
    /// the old one is advised, which changes nothing.
    /// </summary>
    public void PopulateRoom(int values)
    {
        var items = _items;
        var from = Math.Min(_count, items.Length);
        HugePages.Populate(items, from, (int)Math.Min(items.Length, (long)from + values));
    }

    /// <summary>Appends <paramref name="count"/> values to be written through the returned span (uninitialized until then).</summary>
    public Span<T> Extend(int count)
    {
        Reserve(Math.Max(_count + count, _items.Length));
        _count += count;
        return _items.AsSpan(_count - count, count);
    }

    /// <summary>Copies the values into an exactly-sized array (for results that outlive the stage).</summary>
    public T[] ToArray() => _items.AsSpan(0, _count).ToArray();

    private void Grow() => Reserve(_items.Length * 2);

    public void Dispose()
    {
        if (_items.Length == 0) return; // already disposed
        ColumnBuffers.Return(_items);
        _items = [];
        _count = 0;
    }
}
