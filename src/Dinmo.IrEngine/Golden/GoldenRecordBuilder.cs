using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Golden;

/// <summary>
/// Builds the golden record of every valid cluster (SPEC §3.4): the representative record (the most
/// recent, with the tie-breaks of <see cref="RecordPrecedence"/>) and one value per golden column.
/// </summary>
internal static class GoldenRecordBuilder
{
    /// <summary>Rows are built in parallel chunks of this many clusters; every row lands at its own index, so the result never depends on threads.</summary>
    private const int ChunkRows = 4096;

    /// <param name="rows">The valid clusters, in the order their golden rows are to be (dinmo_id order in a run).</param>
    public static GoldenTable Build(IdentityGraph graph, LoadedRecords loaded, ObservationTable observations,
        ClusterAssignment clusters, int[] rows, int threads = 1)
    {
        var records = loaded.Records;
        var precedence = new RecordPrecedence(graph, records);
        var golden = graph.Golden ?? new GoldenConfig();
        var identifierIndex = golden.Identifiers.Select(g => graph.Identifiers.ToList().FindIndex(i => i.Name == g.Name)).ToArray();
        var identifierSource = new IdentifierValueSource(observations.Values);
        var fieldSources = loaded.Fields.Select(f => new FieldValueSource(f)).ToArray();

        var identifierValue = golden.Identifiers.Select(_ => new int[rows.Length]).ToArray();
        var fieldValue = golden.Fields.Select(_ => new int[rows.Length]).ToArray();
        var representative = new int[rows.Length];
        var firstSeen = new long[rows.Length];
        var lastSeen = new long[rows.Length];
        // Built in cluster order, each row landing at its own index.
        var buildOrder = GoldenTable.InClusterOrder(rows);
        ParallelChunks.For(rows.Length, ChunkRows, threads, (_, start, end) =>
        {
            var candidates = new List<GoldenCandidate>();
            var members = new List<int>();
            for (var k = start; k < end; k++) BuildRow(buildOrder[k], members, candidates);
        });

        void BuildRow(int row, List<int> members, List<GoldenCandidate> candidates)
        {
            members.Clear();
            foreach (var m in clusters.MembersOf(rows[row])) members.Add(m);
            members.Sort(precedence.Compare);
            representative[row] = members[0];
            (firstSeen[row], lastSeen[row]) = SeenRange(records, members);

            for (var g = 0; g < identifierIndex.Length; g++)
            {
                candidates.Clear();
                foreach (var record in members)
                {
                    foreach (var o in observations.OfRecord(record))
                    {
                        if (observations.Identifier[o] != identifierIndex[g] || !observations.IsUsable(o)) continue;
                        var candidate = new GoldenCandidate(record, observations.Value[o]);
                        if (!candidates.Contains(candidate)) candidates.Add(candidate);
                    }
                }
                var pick = Survivorship.Pick(golden.Identifiers[g].Strategy, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates),
                    identifierSource, precedence, records);
                identifierValue[g][row] = pick < 0 ? -1 : candidates[pick].Handle;
            }
            for (var f = 0; f < fieldSources.Length; f++)
            {
                candidates.Clear();
                foreach (var record in members)
                {
                    var load = records.LoadIndex[record];
                    if (!loaded.Fields[f].IsNull(load)) candidates.Add(new GoldenCandidate(record, load));
                }
                var pick = Survivorship.Pick(golden.Fields[f].Strategy, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates),
                    fieldSources[f], precedence, records);
                fieldValue[f][row] = pick < 0 ? -1 : candidates[pick].Handle;
            }
        }
        return new GoldenTable
        {
            Cluster = rows, Representative = representative, IdentifierValue = identifierValue, FieldValue = fieldValue,
            FirstSeen = firstSeen, LastSeen = lastSeen,
        };
    }

    /// <summary>Min and max order instants over the records that have one; null when none has.</summary>
    private static (long First, long Last) SeenRange(RecordTable records, List<int> members)
    {
        var first = long.MaxValue;
        var last = Timestamps.Null;
        foreach (var m in members)
        {
            var order = records.Order[m];
            if (order == Timestamps.Null) continue;
            first = Math.Min(first, order);
            last = Math.Max(last, order);
        }
        return last == Timestamps.Null ? (Timestamps.Null, Timestamps.Null) : (first, last);
    }
}
