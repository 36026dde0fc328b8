using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// An append-only column of UTF-8 strings: one byte buffer and an offset per value, rented from the
/// shared pool. Value i spans
/// [offsets[i], offsets[i+1]) and nulls are tracked in a separate bit per value.
/// The owner (the stage that built it) disposes it when the run no longer needs it.
/// </summary>
internal sealed class Utf8Column : IDisposable
{
    private byte[] _bytes;
    private int[] _offsets;
    private bool[] _nulls;
    private int _count;
    private int _byteCount;

    public Utf8Column(int capacity = 1024, int byteCapacity = 16 * 1024)
    {
        _bytes = ColumnBuffers.Rent<byte>(Math.Max(byteCapacity, 16));
        _offsets = ColumnBuffers.Rent<int>(Math.Max(capacity, 16) + 1);
        _nulls = ColumnBuffers.Rent<bool>(Math.Max(capacity, 16));
        _offsets[0] = 0;
    }

    public int Count => _count;

    /// <summary>Total UTF-8 bytes held.</summary>
    public int ByteCount => _byteCount;

    /// <summary>Appends a value and returns its index.</summary>
    public int Add(ReadOnlySpan<byte> value)
    {
        EnsureRoom(value.Length);
        value.CopyTo(_bytes.AsSpan(_byteCount));
        _byteCount += value.Length;
        _nulls[_count] = false;
        _offsets[++_count] = _byteCount;
        return _count - 1;
    }

    /// <summary>Appends a null and returns its index.</summary>
    public int AddNull()
    {
        EnsureRoom(0);
        _nulls[_count] = true;
        _offsets[++_count] = _byteCount;
        return _count - 1;
    }

    /// <summary>Appends every value of <paramref name="other"/> (nulls stay null) with one copy per buffer.</summary>
    public void AddAll(Utf8Column other)
    {
        if (other._count == 0) return;
        EnsureRoom(other._byteCount, other._count);
        other._bytes.AsSpan(0, other._byteCount).CopyTo(_bytes.AsSpan(_byteCount));
        other._nulls.AsSpan(0, other._count).CopyTo(_nulls.AsSpan(_count));
        var shift = _byteCount;
        var from = other._offsets.AsSpan(1, other._count);
        var to = _offsets.AsSpan(_count + 1, other._count);
        for (var i = 0; i < from.Length; i++) to[i] = from[i] + shift;
        _count += other._count;
        _byteCount += other._byteCount;
    }

    public int Add(string? value) => value is null ? AddNull() : Add(Encoding.UTF8.GetBytes(value));

    /// <summary>Makes room for <paramref name="values"/> values of <paramref name="bytes"/> bytes in all, so appending up to there never copies.</summary>
    public void Reserve(int values, int bytes) => EnsureRoom(Math.Max(0, bytes - _byteCount), Math.Max(0, values - _count));

    public ReadOnlySpan<byte> this[int index] => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    public bool IsNull(int index) => _nulls[index];

    /// <summary>Starts loading value <paramref name="index"/>'s offsets (see <see cref="CacheHint"/>); <see cref="PrefetchBytes"/> follows a few reads later.</summary>
    public void PrefetchOffsets(int index) => CacheHint.Prefetch(ref _offsets[index]);

    /// <summary>Starts loading value <paramref name="index"/>'s bytes: its first and last (it may span two lines).</summary>
    public void PrefetchBytes(int index)
    {
        int start = _offsets[index], end = _offsets[index + 1];
        if (end == start) return;
        CacheHint.Prefetch(ref _bytes[start]);
        CacheHint.Prefetch(ref _bytes[end - 1]);
    }

    /// <summary>A .NET string for output and messages (not for the hot path); null stays null.</summary>
    public string? GetString(int index) => _nulls[index] ? null : Encoding.UTF8.GetString(this[index]);

    /// <summary>The raw buffers, for building Arrow arrays without per-value copies.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _byteCount);

    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, _count + 1);

    private void EnsureRoom(int extraBytes, int extraValues = 1)
    {
        if (_byteCount + extraBytes > _bytes.Length)
        {
            var larger = ColumnBuffers.Rent<byte>(Math.Max(_bytes.Length * 2, _byteCount + extraBytes));
            _bytes.AsSpan(0, _byteCount).CopyTo(larger);
            ColumnBuffers.Return(_bytes);
            _bytes = larger;
        }
        if (_count + extraValues + 1 > _offsets.Length)
        {
            var offsets = ColumnBuffers.Rent<int>(Math.Max(_offsets.Length * 2, _count + extraValues + 1));
            _offsets.AsSpan(0, _count + 1).CopyTo(offsets);
            ColumnBuffers.Return(_offsets);
            _offsets = offsets;
        }
        if (_count + extraValues > _nulls.Length)
        {
            var nulls = ColumnBuffers.Rent<bool>(Math.Max(_nulls.Length * 2, _count + extraValues));
            _nulls.AsSpan(0, _count).CopyTo(nulls);
            ColumnBuffers.Return(_nulls);
            _nulls = nulls;
        }
    }

    public void Dispose()
    {
        if (_bytes.Length == 0) return; // already disposed
        ColumnBuffers.Return(_bytes);
        ColumnBuffers.Return(_offsets);
        ColumnBuffers.Return(_nulls);
        _bytes = [];
        _offsets = [0];
        _nulls = [];
        _count = 0;
        _byteCount = 0;
    }
}
