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
        var clusters = new List<int>();
        var size = new Dictionary<int, int>();
        for (var r = 0; r < root.Length; r++)
        {
            if (root[r] < 0) continue;
            if (root[r] == r) clusters.Add(r);
            size[root[r]] = size.GetValueOrDefault(root[r]) + 1;
        }
        Roots = [.. clusters];
        IndexOfRoot = new Dictionary<int, int>(Roots.Length);
        Start = new int[Roots.Length + 1];
        for (var c = 0; c < Roots.Length; c++)
        {
            IndexOfRoot[Roots[c]] = c;
            Start[c + 1] = Start[c] + size[Roots[c]];
        }
        Members = new int[Start[^1]];
        var next = Start.AsSpan(0, Roots.Length).ToArray();
        for (var r = 0; r < root.Length; r++)
        {
            if (root[r] >= 0) Members[next[IndexOfRoot[root[r]]]++] = r;
        }
    }

    /// <summary>Root (smallest member) per record; -1 when the record is in no cluster.</summary>
    public int[] Root { get; }

    /// <summary>Cluster roots, ascending: cluster c is <c>Roots[c]</c>.</summary>
    public int[] Roots { get; }

    public Dictionary<int, int> IndexOfRoot { get; }
    public int[] Start { get; }
    public int[] Members { get; }

    public int ClusterCount => Roots.Length;

    public ReadOnlySpan<int> MembersOf(int cluster) => Members.AsSpan(Start[cluster], Start[cluster + 1] - Start[cluster]);

    public int ClusterOf(int record) => Root[record] < 0 ? -1 : IndexOfRoot[Root[record]];
}
