namespace Dinmo.IrEngine.Golden;

/// <summary>
/// One row per valid cluster, in cluster (root) order: the representative record, the chosen value
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
}
