using Dinmo.IrEngine.Compare;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Resolution;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Resolution;

/// <summary>
/// The clusters the engine builds (blocking, value-level fuzzy scoring, union-find) equal those of a
/// naive all-pairs reference that checks every rule on every pair of records.
/// </summary>
public sealed class ClusteringPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Clusters_EqualNaiveAllPairsReference() => Prop.ForAll(RandomPeople.Tables(), people =>
    {
        var graph = RandomPeople.Graph();
        using var loaded = RecordLoader.Load(graph, [RandomPeople.Input(graph, people)]);
        using var result = Resolver.Resolve(graph, loaded, new StageClock());
        var expected = NaiveClusters(people);
        return SamePartition(result, expected);
    });

    [Property(MaxTest = 200)]
    public Property TwoFuzzyCriteria_ClustersEqualNaiveAllPairsReference() => Prop.ForAll(RandomPeople.Tables(20), people =>
    {
        // Tuples of value sets stand for their records: same clusters as checking every record pair.
        var graph = RandomPeople.TwoFuzzyCriteriaGraph();
        using var loaded = RecordLoader.Load(graph, [RandomPeople.Input(graph, people)]);
        using var result = Resolver.Resolve(graph, loaded, new StageClock());
        var expected = NaiveClusters(people, LinkedByTwoFuzzyCriteria, p => p.Phone is not null && p.Name is not null && Emails(p).Any());
        return SamePartition(result, expected);
    });

    private static bool LinkedByTwoFuzzyCriteria(RandomPeople.Person x, RandomPeople.Person y)
    {
        if (x.Phone is null || x.Phone != y.Phone || x.Name is null || y.Name is null) return false;
        if (Score(x.Name, y.Name) < 0.88) return false;
        return Emails(x).Any(ex => Emails(y).Any(ey => Score(ex, ey) >= 0.92));
    }

    private static double Score(string a, string b) =>
        JaroWinklerScalar.Similarity(a.EnumerateRunes().Select(r => r.Value).ToArray(), b.EnumerateRunes().Select(r => r.Value).ToArray());

    private static int RowOf(string key) => int.Parse(key[1..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Cluster label per row (-1 when the row is applicable to no rule), by checking every pair.</summary>
    private static int[] NaiveClusters(RandomPeople.Person[] people) => NaiveClusters(people, Linked, Applicable);

    private static int[] NaiveClusters(RandomPeople.Person[] people, Func<RandomPeople.Person, RandomPeople.Person, bool> linked,
        Func<RandomPeople.Person, bool> applicable)
    {
        var n = people.Length;
        var label = Enumerable.Range(0, n).ToArray();
        int Find(int x) => label[x] == x ? x : label[x] = Find(label[x]);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (linked(people[i], people[j])) label[Find(i)] = Find(j);
            }
        }
        return Enumerable.Range(0, n).Select(i => applicable(people[i]) ? Find(i) : -1).ToArray();
    }

    private static bool Applicable(RandomPeople.Person p) => Emails(p).Any() || (p.Phone is not null && p.Name is not null);

    private static IEnumerable<string> Emails(RandomPeople.Person p) => new[] { p.Email1, p.Email2 }.OfType<string>();

    private static bool Linked(RandomPeople.Person x, RandomPeople.Person y)
    {
        if (Emails(x).Intersect(Emails(y)).Any()) return true;
        if (x.Phone is null || x.Phone != y.Phone || x.Name is null || y.Name is null) return false;
        var score = JaroWinklerScalar.Similarity(x.Name.EnumerateRunes().Select(r => r.Value).ToArray(),
            y.Name.EnumerateRunes().Select(r => r.Value).ToArray());
        return score >= 0.88;
    }

    /// <summary>True when every pair of records is together in the engine's clusters exactly when it is in the reference's.</summary>
    private static bool SamePartition(ResolutionResult result, int[] expected)
    {
        var records = result.Records;
        for (var a = 0; a < records.Count; a++)
        {
            var rowA = RowOf(records.KeyString(a)!);
            for (var b = 0; b < records.Count; b++)
            {
                var rowB = RowOf(records.KeyString(b)!);
                var engineTogether = result.Clusters.Root[a] >= 0 && result.Clusters.Root[a] == result.Clusters.Root[b];
                var referenceTogether = expected[rowA] >= 0 && expected[rowA] == expected[rowB];
                if (engineTogether != referenceTogether) return false;
            }
        }
        return true;
    }
}
