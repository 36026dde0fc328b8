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

    private readonly PendingValues _values = new(Cells);
    private readonly int[] _ids = new int[Cells];

    /// <summary>The first raw cell of the chunk.</summary>
    public int Start { get; private set; }

    public int Count => _values.Count;

    /// <summary>Standardizes raw cells <paramref name="start"/>.. (at most <see cref="Cells"/>) into this chunk.</summary>
    public void Fill(int start, RawObservations raw, RecordTable records, Standardizer[] standardizers, ValueDictionary values)
    {
        Start = start;
        _values.Clear();
        var end = Math.Min(start + Cells, raw.Count);
        for (var i = start; i < end; i++)
        {
            var standardized = records.Status[raw.Record[i]] == RecordKeyStatus.Valid
                ? standardizers[raw.Sources[raw.Source[i]].Identifier].Apply(raw.Raw[i]) : default;
            if (standardized.IsEmpty) _values.AddNone();
            else _values.Add(standardized, values);
        }
    }

    /// <summary>Interns the chunk's values in cell order, handing each observation to <paramref name="add"/> (raw cell, value id).</summary>
    public void Intern(ValueDictionary values, Action<int, int> add)
    {
        _values.Intern(values, _ids);
        for (var j = 0; j < Count; j++)
            if (_ids[j] >= 0) add(Start + j, _ids[j]);
    }
}
