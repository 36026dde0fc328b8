using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Every standardized identifier value the graph knows, interned as (identifier rank, UTF-8 bytes) in
/// one <see cref="ValueDictionary"/>: a value is an int id, equal ids mean the same identifier and the
/// same bytes. The rank is stored as a one-byte prefix of the interned bytes. Ids are in order of
/// first appearance; outputs order values by their bytes. Owned by the <see cref="ProfileGraph"/>.
/// </summary>
internal sealed class IdentifierValues : IDisposable
{
    /// <summary>The rank is one byte: a config has far fewer identifiers.</summary>
    public const int MaxIdentifiers = byte.MaxValue + 1;

    private readonly ValueDictionary _values = new();
    private byte[] _scratch = new byte[256];

    // The rank of every id again, one byte each: the stitch loop asks for it per value occurrence, and
    // a read here is one small array instead of the dictionary's offset and byte buffers.
    private readonly Columnar.GrowableArray<byte> _ranks = new();

    public int Count => _values.Count;

    /// <summary>Total bytes interned (each value's with its one-byte rank).</summary>
    public int ByteCount => _values.ByteCount;

    /// <summary>Makes room for <paramref name="values"/> values of <paramref name="bytes"/> interned bytes in all (<see cref="ByteCount"/>).</summary>
    public void Reserve(int values, int bytes)
    {
        _values.Reserve(values, bytes);
        _ranks.Reserve(values);
    }

    /// <summary>As <see cref="Reserve"/>, for a rough estimate: the lookup table still grows as values come (<see cref="ValueDictionary.ReserveColumns"/>).</summary>
    public void ReserveColumns(int values, int bytes)
    {
        _values.ReserveColumns(values, bytes);
        _ranks.Reserve(values);
    }

    /// <summary>The id of value <paramref name="value"/> of identifier <paramref name="identifier"/>, adding it when new.</summary>
    public int Intern(int identifier, ReadOnlySpan<byte> value)
    {
        if (value.Length + 1 > _scratch.Length) _scratch = new byte[Math.Max(value.Length + 1, _scratch.Length * 2)];
        _scratch[0] = checked((byte)identifier);
        value.CopyTo(_scratch.AsSpan(1));
        var id = _values.Intern(_scratch.AsSpan(0, value.Length + 1));
        if (id == _ranks.Count) _ranks.Add((byte)identifier); // ids are handed out in order: a new one is the next
        return id;
    }

    /// <summary>Frees the lookup by bytes once the run has read its events (<see cref="ValueDictionary.DropIndex"/>): values are read by id from there on.</summary>
    public void DropIndex() => _values.DropIndex();

    /// <summary>Adds value <paramref name="value"/> of identifier <paramref name="identifier"/> to <paramref name="pending"/>, for <see cref="Intern(PendingValues, Span{int})"/>.</summary>
    public void Stage(PendingValues pending, int identifier, ReadOnlySpan<byte> value) =>
        pending.Add([checked((byte)identifier)], value, _values);

    /// <summary>
    /// Interns the values staged in <paramref name="pending"/> in order (the ids <see cref="Intern(int, ReadOnlySpan{byte})"/>
    /// would give one by one), writing each position's value id into <paramref name="ids"/>.
    /// </summary>
    public void Intern(PendingValues pending, Span<int> ids)
    {
        pending.Intern(_values, ids);
        foreach (var id in ids[..pending.Count])
            if (id == _ranks.Count) _ranks.Add(_values[id][0]); // new values get the next ids, in order; the interned bytes start with the rank
    }

    /// <summary>The ids of the values staged in <paramref name="pending"/>, -1 for those not held (<see cref="PendingValues.Find"/>: reads only).</summary>
    public void Find(PendingValues pending, Span<int> ids) => pending.Find(_values, ids);

    /// <summary>The identifier rank of value <paramref name="id"/>.</summary>
    public int Identifier(int id) => _ranks[id];

    /// <summary>Starts loading the value's identifier rank (see <see cref="Columnar.CacheHint"/>).</summary>
    public void PrefetchIdentifier(int id) => Columnar.CacheHint.Prefetch(ref _ranks[id]);

    /// <summary>Starts loading where the value's bytes are (see <see cref="Columnar.CacheHint"/>); <see cref="PrefetchBytes"/> follows a few reads later.</summary>
    public void PrefetchOffsets(int id) => _values.PrefetchOffsets(id);

    /// <summary>Starts loading the value's bytes.</summary>
    public void PrefetchBytes(int id) => _values.PrefetchBytes(id);

    /// <summary>The value's standardized bytes.</summary>
    public ReadOnlySpan<byte> Utf8(int id) => _values[id][1..];

    public string Text(int id) => System.Text.Encoding.UTF8.GetString(Utf8(id));

    /// <summary>By identifier rank, then value in code point order (the interned bytes compare exactly so).</summary>
    public int CompareIdentifierThenValue(int x, int y) => Identifier(x) != Identifier(y) ? Identifier(x).CompareTo(Identifier(y)) : CompareValues(x, y);

    /// <summary>Values of one identifier in code point order.</summary>
    public int CompareValues(int x, int y) => Utf8(x).SequenceCompareTo(Utf8(y));

    public void Dispose()
    {
        _values.Dispose();
        _ranks.Dispose();
    }
}
