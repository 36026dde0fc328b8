using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// One run of consecutive raw cells, standardized: each cell's value bytes (one after another) and
/// their interning hash, or no value when the cell gives no observation (an invalid record key, or
/// empty once standardized). Filled by the standardizing thread, read in cell order by the interning
/// one, then refilled: the buffers are reused for the whole stage.
/// </summary>
internal sealed class StandardizedChunk
{
    /// <summary>Raw cells per chunk: small enough to stay in cache between the two threads, large enough to hand over rarely.</summary>
    public const int Cells = 1 << 14;

    /// <summary>How many cells ahead <see cref="Intern"/> prefetches a value's slot: about the memory latency over one intern's work.</summary>
    private const int PrefetchDistance = 16;

    private readonly int[] _end = new int[Cells];   // end of the cell's bytes, or -1: no observation
    private readonly ulong[] _hash = new ulong[Cells];
    private byte[] _bytes = new byte[Cells * 32];
    private int _byteCount;

    /// <summary>The first raw cell of the chunk.</summary>
    public int Start { get; private set; }

    public int Count { get; private set; }

    /// <summary>Standardizes raw cells <paramref name="start"/>.. (at most <see cref="Cells"/>) into this chunk.</summary>
    public void Fill(int start, RawObservations raw, RecordTable records, Standardizer[] standardizers, ValueDictionary values)
    {
        Start = start;
        Count = Math.Min(Cells, raw.Count - start);
        _byteCount = 0;
        for (var j = 0; j < Count; j++)
        {
            var i = start + j;
            _end[j] = -1;
            if (records.Status[raw.Record[i]] != RecordKeyStatus.Valid) continue;
            var standardized = standardizers[raw.Sources[raw.Source[i]].Identifier].Apply(raw.Raw[i]);
            if (standardized.IsEmpty) continue;
            if (_byteCount + standardized.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _byteCount + standardized.Length));
            standardized.CopyTo(_bytes.AsSpan(_byteCount));
            _byteCount += standardized.Length;
            _end[j] = _byteCount;
            _hash[j] = values.Hash(standardized);
        }
    }

    /// <summary>Interns the chunk's values in cell order, handing each observation to <paramref name="add"/> (raw cell, value id).</summary>
    public void Intern(ValueDictionary values, Action<int, int> add)
    {
        var begin = 0;
        for (var j = 0; j < Count; j++)
        {
            // The table is far larger than the cache: start loading a later value's slot now.
            if (j + PrefetchDistance < Count && _end[j + PrefetchDistance] >= 0) values.Prefetch(_hash[j + PrefetchDistance]);
            var end = _end[j];
            if (end < 0) continue;
            add(Start + j, values.Intern(_bytes.AsSpan(begin, end - begin), _hash[j]));
            begin = end;
        }
    }
}
