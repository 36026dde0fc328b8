using System.Text;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// A small set of names held once as a string and once as UTF-8 (model names, identifier names, run
/// ids), so columns store an index and output columns copy bytes. Indexes are in order of first
/// appearance; nothing ordered or persisted uses them as such.
/// </summary>
internal sealed class NameTable
{
    private readonly List<string> _names = [];
    private readonly List<byte[]> _utf8 = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _names.Count;

    public string this[int index] => _names[index];

    public byte[] Utf8(int index) => _utf8[index];

    /// <summary>The index of <paramref name="name"/>, adding it when new.</summary>
    public int Intern(string name)
    {
        if (_index.TryGetValue(name, out var index)) return index;
        index = _names.Count;
        _index.Add(name, index);
        _names.Add(name);
        _utf8.Add(Encoding.UTF8.GetBytes(name));
        return index;
    }

    /// <summary>Every index, ranked by its name in code point order (rank[index]).</summary>
    public int[] Ranks()
    {
        var order = Enumerable.Range(0, _names.Count).ToArray();
        Array.Sort(order, (a, b) => Columnar.CodePointOrder.Instance.Compare(_names[a], _names[b]));
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++) rank[order[i]] = i;
        return rank;
    }
}
