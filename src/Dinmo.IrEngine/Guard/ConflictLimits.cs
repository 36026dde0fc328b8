using System.Globalization;
using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Guard;

/// <summary>
/// Conflict limits (SPEC §4.5): for each cluster and each identifier with <c>max_unique_values = L</c>,
/// the distinct usable values of that identifier over the cluster's records; more than L is a
/// violation. Reasons are listed in identifier config order, joined by "; ".
/// </summary>
internal static class ConflictLimits
{
    /// <summary>Clusters are checked in parallel chunks of this many; each cluster's reason is its own, so threads never change it.</summary>
    private const int ChunkClusters = 1 << 13;

    /// <summary>The violation reasons of each cluster (index as in <paramref name="clusters"/>), null when it keeps every limit.</summary>
    public static string?[] Check(IdentityGraph graph, ClusterAssignment clusters, ObservationTable observations, int threads = 1,
        int chunkClusters = ChunkClusters)
    {
        var limited = graph.Identifiers.Select((d, i) => (d, i)).Where(p => p.d.MaxUniqueValues is not null).ToArray();
        var reasons = new string?[clusters.ClusterCount];
        if (limited.Length == 0) return reasons;
        var slotOf = new int[graph.Identifiers.Count];
        Array.Fill(slotOf, -1);
        for (var s = 0; s < limited.Length; s++) slotOf[limited[s].i] = s;

        ParallelChunks.For(clusters.ClusterCount, chunkClusters, threads, (_, start, end) =>
        {
            var distinct = limited.Select(_ => new HashSet<int>()).ToArray();
            for (var c = start; c < end; c++)
            {
                for (var s = 0; s < distinct.Length; s++)
                {
                    // Clear costs the set's capacity: after a large cluster, start small again.
                    if (distinct[s].Count > 256) distinct[s] = [];
                    else distinct[s].Clear();
                }
                foreach (var record in clusters.MembersOf(c))
                {
                    foreach (var o in observations.OfRecord(record))
                    {
                        var slot = slotOf[observations.Identifier[o]];
                        if (slot >= 0 && observations.IsUsable(o)) distinct[slot].Add(observations.Value[o]);
                    }
                }
                var over = false;
                for (var s = 0; s < limited.Length; s++) over |= distinct[s].Count > limited[s].d.MaxUniqueValues;
                if (over) reasons[c] = Describe(limited.Select((p, s) => (p.d, distinct[s].Count)));
            }
        });
        return reasons;
    }

    /// <summary>"email has too many unique values (3 > limit of 2); …" or null when nothing is over its limit.</summary>
    public static string? Describe(IEnumerable<(IdentifierConfig Identifier, int Count)> counts)
    {
        var parts = counts
            .Where(p => p.Count > p.Identifier.MaxUniqueValues)
            .Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Identifier.Name} has too many unique values ({p.Count} > limit of {p.Identifier.MaxUniqueValues})"))
            .ToArray();
        return parts.Length == 0 ? null : string.Join("; ", parts);
    }
}
