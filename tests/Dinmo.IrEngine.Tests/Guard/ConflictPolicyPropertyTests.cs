using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Tests.Resolution;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Guard;

/// <summary>
/// Conflict policies (SPEC §4.5) on random tables with limits email ≤ 1 and phone ≤ 1: under
/// skip_merge no output cluster breaks a limit; under exclude_cluster every excluded record's cluster
/// breaks one and no golden cluster does; both give the same outcome for a random shuffle of the rows.
/// </summary>
public sealed class ConflictPolicyPropertyTests
{
    private static IdentityGraph Graph(ConflictPolicy policy)
    {
        var graph = RandomPeople.Graph();
        return graph with
        {
            ConflictPolicy = policy,
            Identifiers =
            [
                new IdentifierConfig { Name = "email", Standardize = [], MaxUniqueValues = 1 },
                new IdentifierConfig { Name = "phone", Standardize = [], MaxUniqueValues = 1 },
                new IdentifierConfig { Name = "name", Standardize = [] },
            ],
        };
    }

    [Property(MaxTest = 200)]
    public Property SkipMerge_NoOutputClusterBreaksALimit_AndRowOrderDoesNotMatter() => Prop.ForAll(RandomPeople.Tables(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (people, seed) =>
    {
        var graph = Graph(ConflictPolicy.SkipMerge);
        var keyed = people.Select((p, i) => (Key: RandomPeople.Key(i), Person: p)).ToArray();
        var outcome = Resolve(graph, keyed, out var violating);
        return violating == 0 && outcome.SequenceEqual(Resolve(graph, RandomPeople.Shuffled(keyed, seed), out _));
    });

    [Property(MaxTest = 200)]
    public Property ExcludeCluster_ExcludedClustersBreakALimit_GoldenOnesDoNot_AndRowOrderDoesNotMatter() => Prop.ForAll(RandomPeople.Tables(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (people, seed) =>
    {
        var graph = Graph(ConflictPolicy.ExcludeCluster);
        var keyed = people.Select((p, i) => (Key: RandomPeople.Key(i), Person: p)).ToArray();
        var outcome = Resolve(graph, keyed, out var violating);
        return violating == 0 && outcome.SequenceEqual(Resolve(graph, RandomPeople.Shuffled(keyed, seed), out _));
    });

    /// <summary>
    /// Per record (by key): status and the smallest key of its cluster. <paramref name="wrong"/> counts
    /// golden clusters over a limit plus conflict records whose cluster keeps every limit.
    /// </summary>
    private static List<string> Resolve(IdentityGraph graph, (string Key, RandomPeople.Person Person)[] keyed, out int wrong)
    {
        using var loaded = RecordLoader.Load(graph, [RandomPeople.Input(graph, keyed.Select(k => k.Person).ToList(), keyed.Select(k => k.Key).ToList())]);
        using var result = Resolver.Resolve(graph, loaded, new StageClock());
        wrong = 0;
        var records = result.Records;
        for (var c = 0; c < result.Clusters.ClusterCount; c++)
        {
            var members = result.Clusters.MembersOf(c).ToArray();
            var breaks = Breaks(result, members);
            var excluded = result.Status[members[0]] == ResolutionStatus.Conflict;
            if (breaks != excluded) wrong++;
        }
        for (var r = 0; r < records.Count; r++)
        {
            // A record unresolved on its own under skip_merge must break a limit by itself.
            if (result.Status[r] == ResolutionStatus.Conflict && result.Clusters.Root[r] < 0 && !Breaks(result, [r])) wrong++;
        }
        return Enumerable.Range(0, records.Count).Select(r =>
            $"{records.KeyString(r)}:{result.Status[r]}:{(result.Clusters.Root[r] < 0 ? "-" : records.KeyString(result.Clusters.Root[r]))}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private static bool Breaks(ResolutionResult result, int[] members)
    {
        var observations = result.Observations;
        foreach (var identifier in new short[] { 0, 1 })
        {
            var values = new HashSet<int>();
            foreach (var m in members)
            {
                foreach (var o in observations.OfRecord(m))
                {
                    if (observations.Identifier[o] == identifier && observations.IsUsable(o)) values.Add(observations.Value[o]);
                }
            }
            if (values.Count > 1) return true;
        }
        return false;
    }
}
