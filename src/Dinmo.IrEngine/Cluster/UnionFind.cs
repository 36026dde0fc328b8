namespace Dinmo.IrEngine.Cluster;

/// <summary>
/// Disjoint sets over record ids. A union always hangs the larger root under the smaller one, so the
/// root of every component is its smallest record id — which, since ids follow record-key order, is
/// the cluster's smallest record key, whatever order the links arrive in. Path halving keeps finds
/// short. Single-threaded; owned by the clustering stage.
/// </summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++) _parent[i] = i;
    }

    public int Count => _parent.Length;

    public int Find(int x)
    {
        var parent = _parent;
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /// <summary>Joins the sets of a and b; returns false when they were already one.</summary>
    public bool Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb) return false;
        if (ra < rb) _parent[rb] = ra;
        else _parent[ra] = rb;
        return true;
    }
}
