using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// Every cluster's dinmo_id as its 36 UTF-8 bytes, formatted once per run and shared by the tables
/// that repeat it on many rows (golden, matched ids, match, match pairs), instead of each table
/// encoding each id again. One flat buffer (36 bytes a cluster) rather than an array per cluster.
/// </summary>
internal sealed class ClusterIdText
{
    private const int Width = DinmoId.TextLength;

    private readonly byte[] _text;
    private readonly bool[] _present;

    public ClusterIdText(DinmoId?[] ids)
    {
        _text = GC.AllocateUninitializedArray<byte>(ids.Length * Width);
        _present = new bool[ids.Length];
        for (var c = 0; c < ids.Length; c++)
        {
            if (ids[c] is not { } id) continue;
            id.Format(_text.AsSpan(c * Width, Width));
            _present[c] = true;
        }
    }

    /// <summary>False for a cluster with no id (an excluded cluster) and for "no cluster" (-1).</summary>
    public bool Has(int cluster) => cluster >= 0 && _present[cluster];

    public ReadOnlySpan<byte> this[int cluster] => _text.AsSpan(cluster * Width, Width);
}
