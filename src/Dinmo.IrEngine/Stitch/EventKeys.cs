using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The primary keys of every event the graph knows (earlier runs' and this run's), as UTF-8 interned
/// per model in a <see cref="ValueDictionary"/>: a key is a (model, key id) pair of ints. For each key
/// it holds the row of its attribution (<see cref="RowOf"/>, -1 until processed: the processed set),
/// and it ranks keys in code point order once for sorting events and attribution rows. Models are
/// indexed in config order first, then any model only the previous run's state names. The graph's is
/// owned by the <see cref="ProfileGraph"/> for the whole run; a slice read beside a model's first one
/// has its own (<see cref="ModelEvents.OwnKeys"/>) until it is merged.
/// </summary>
internal sealed class EventKeys : IDisposable
{
    private readonly List<ValueDictionary> _keys = [];
    private readonly List<GrowableArray<int>> _rows = [];
    private int[][]? _ranks;

    /// <summary>Model names by model index.</summary>
    public NameTable Models { get; } = new();

    /// <summary>An empty key dictionary per model, the models indexed in <paramref name="models"/> order.</summary>
    public static EventKeys Of(IEnumerable<string> models)
    {
        var keys = new EventKeys();
        foreach (var model in models) keys.Model(model);
        return keys;
    }

    /// <summary>The index of model <paramref name="name"/>, adding it when new.</summary>
    public int Model(string name)
    {
        var model = Models.Intern(name);
        while (_keys.Count <= model)
        {
            _keys.Add(ValueDictionary.ForAscending()); // keys often come in key order: then they are interned without a table
            _rows.Add(new GrowableArray<int>());
        }
        return model;
    }

    /// <summary>The id of a key of <paramref name="model"/>, adding it when new (not processed yet).</summary>
    public int Intern(int model, ReadOnlySpan<byte> key)
    {
        var id = _keys[model].Intern(key);
        if (id == _rows[model].Count)
        {
            _rows[model].Add(-1);
            _ranks = null;
        }
        return id;
    }

    /// <summary>Adds a key of <paramref name="model"/> to <paramref name="pending"/>, for <see cref="Intern(int, PendingValues, Span{int})"/>.</summary>
    public void Stage(int model, PendingValues pending, ReadOnlySpan<byte> key) => pending.Add(key, _keys[model]);

    /// <summary>
    /// Interns the keys staged in <paramref name="pending"/> in order (the ids <see cref="Intern(int, ReadOnlySpan{byte})"/>
    /// would give one by one), writing each position's key id into <paramref name="ids"/>.
    /// </summary>
    public void Intern(int model, PendingValues pending, Span<int> ids)
    {
        pending.Intern(_keys[model], ids);
        var rows = _rows[model];
        foreach (var id in ids[..pending.Count])
        {
            if (id != rows.Count) continue; // new keys get the next ids, in order
            rows.Add(-1);
            _ranks = null;
        }
    }

    public int Count(int model) => _keys[model].Count;

    /// <summary>Total UTF-8 bytes of <paramref name="model"/>'s keys.</summary>
    public int ByteCount(int model) => _keys[model].ByteCount;

    /// <summary>Makes room for <paramref name="keys"/> keys of <paramref name="model"/> holding <paramref name="bytes"/> bytes in all.</summary>
    public void Reserve(int model, int keys, int bytes)
    {
        _keys[model].Reserve(keys, bytes);
        _rows[model].Reserve(keys);
    }

    public ReadOnlySpan<byte> Utf8(int model, int key) => _keys[model][key];

    /// <summary>Starts loading where the key's bytes are (see <see cref="Columnar.CacheHint"/>).</summary>
    public void PrefetchOffsets(int model, int key) => _keys[model].PrefetchOffsets(key);

    /// <summary>Starts loading the key's bytes; their offsets should be loaded (or prefetched) by now.</summary>
    public void PrefetchBytes(int model, int key) => _keys[model].PrefetchBytes(key);

    public string Text(int model, int key) => _keys[model].GetString(key);

    /// <summary>The attribution row of a processed key, -1 while unprocessed.</summary>
    public ref int RowOf(int model, int key) => ref _rows[model][key];

    /// <summary>Starts loading the key's <see cref="RowOf"/> slot (see <see cref="Columnar.CacheHint"/>): keys follow read order, not time.</summary>
    public void PrefetchRow(int model, int key) => Columnar.CacheHint.Prefetch(ref _rows[model][key]);

    /// <summary>
    /// Each model's key ids ranked in code point (UTF-8 byte) order: rank[model][key]. Computed once
    /// after reading (keys added later invalidate it); models are ranked in parallel.
    /// </summary>
    public int[][] Ranks(int threads)
    {
        if (_ranks is not null) return _ranks;
        var ranks = new int[_keys.Count][];
        Parallel.For(0, _keys.Count, ParallelChunks.Options(threads), m =>
        {
            var order = KeyOrder(_keys[m]);
            var rank = new int[order.Length];
            for (var i = 0; i < order.Length; i++) rank[order[i]] = i;
            ranks[m] = rank;
        });
        return _ranks = ranks;
    }

    /// <summary>
    /// Key ids by key bytes. Keys often arrive sorted (ids are in order of first appearance): then their dictionary knows it
    /// already (<see cref="ValueDictionary.InByteOrder"/>); else one check pass, then a sort only if needed.
    /// </summary>
    private static int[] KeyOrder(ValueDictionary keys)
    {
        var order = new int[keys.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (keys.InByteOrder) return order; // interned in ascending order: nothing to check
        for (var i = 1; i < order.Length; i++)
        {
            if (keys[i - 1].SequenceCompareTo(keys[i]) <= 0) continue;
            Array.Sort(order, new ByBytes(keys));
            break;
        }
        return order;
    }

    /// <summary>Key ids compared by their bytes: keys are unique, so this is a total order.</summary>
    private sealed class ByBytes(ValueDictionary keys) : IComparer<int>
    {
        public int Compare(int x, int y) => keys[x].SequenceCompareTo(keys[y]);
    }

    /// <summary>
    /// Frees every model's lookup by key bytes (<see cref="ValueDictionary.DropIndex"/>) once the run has read its
    /// events: from there on keys are only read by id (ranks, attribution rows, audit, outputs).
    /// </summary>
    public void DropIndexes()
    {
        foreach (var keys in _keys) keys.DropIndex();
        IndexesDropped = true;
    }

    /// <summary>Whether <see cref="DropIndexes"/> was called: from then on no key is added, so other threads may read keys.</summary>
    public bool IndexesDropped { get; private set; }

    public void Dispose()
    {
        foreach (var keys in _keys) keys.Dispose();
        foreach (var rows in _rows) rows.Dispose();
    }
}
