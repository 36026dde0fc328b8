namespace Dinmo.IrEngine.Cluster;

/// <summary>
/// The connected components: for each record, the smallest record id of its cluster, or -1 for a
/// record that takes no part (bad key, or applicable to no rule). Members are listed cluster by
/// cluster, ascending, in <see cref="Members"/> with <see cref="Start"/> offsets per cluster.
/// </summary>
internal sealed class ClusterAssignment
{
    public ClusterAssignment(int[] root)
    {
        Root = root;
        // Arrays indexed by record instead of dictionaries keyed by root: ClusterOf runs once per record in several stages.
        _clusterOfRoot = new int[root.Length];
        var roots = new List<int>();
        for (var r = 0; r < root.Length; r++)
        {
            _clusterOfRoot[r] = root[r] == r ? roots.Count : -1;
            if (root[r] == r) roots.Add(r);
        }
        Roots = [.. roots];
        Start = new int[Roots.Length + 1];
        for (var r = 0; r < root.Length; r++)
        {
            if (root[r] >= 0) Start[_clusterOfRoot[root[r]] + 1]++;
        }
        for (var c = 0; c < Roots.Length; c++) Start[c + 1] += Start[c];
        Members = new int[Start[^1]];
        var next = Start.AsSpan(0, Roots.Length).ToArray();
        for (var r = 0; r < root.Length; r++)
        {
            if (root[r] >= 0) Members[next[_clusterOfRoot[root[r]]]++] = r;
        }
    }

    /// <summary>Cluster index of each root record; -1 for records that are no root.</summary>
    private readonly int[] _clusterOfRoot;

    /// <summary>Root (smallest member) per record; -1 when the record is in no cluster.</summary>
    public int[] Root { get; }

    /// <summary>Cluster roots, ascending: cluster c is <c>Roots[c]</c>.</summary>
    public int[] Roots { get; }

    public int[] Start { get; }
    public int[] Members { get; }

    public int ClusterCount => Roots.Length;

    public ReadOnlySpan<int> MembersOf(int cluster) => Members.AsSpan(Start[cluster], Start[cluster + 1] - Start[cluster]);

    public int ClusterOf(int record) => Root[record] < 0 ? -1 : _clusterOfRoot[Root[record]];
}
