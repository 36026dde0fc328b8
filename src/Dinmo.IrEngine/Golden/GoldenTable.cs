namespace Dinmo.IrEngine.Golden;

/// <summary>
/// One row per valid cluster, in the order the builder was given (dinmo_id order in a run): the representative record, the chosen value
/// of every golden identifier (a value id, -1 for none) and field (a load position, -1 for none),
/// and the cluster's first and last order instants.
/// </summary>
internal sealed class GoldenTable
{
    public required int[] Cluster { get; init; }
    public required int[] Representative { get; init; }

    /// <summary>[golden identifier][row] → value id or -1.</summary>
    public required int[][] IdentifierValue { get; init; }

    /// <summary>[golden field][row] → load position or -1.</summary>
    public required int[][] FieldValue { get; init; }

    public required long[] FirstSeen { get; init; }
    public required long[] LastSeen { get; init; }

    public int Count => Cluster.Length;

    /// <summary>
    /// The row numbers sorted by cluster. A stage that visits every row's members does so in this
    /// order, where neighbouring clusters' records and observations lie close together: in row
    /// (dinmo_id) order every cluster's members are a random read, which doubles such a stage at 10M.
    /// </summary>
    public static int[] InClusterOrder(int[] clusterOfRow)
    {
        var rows = new int[clusterOfRow.Length];
        for (var row = 0; row < rows.Length; row++) rows[row] = row;
        Array.Sort((int[])clusterOfRow.Clone(), rows);
        return rows;
    }
}
