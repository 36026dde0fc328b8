using System.Text;
using Dinmo.IrEngine.Compare;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Compare;

public class JaroWinklerBlockTests
{
    // Path names rather than the internal enum: xunit theory methods must be public.
    public static TheoryData<string> Paths() => new(Enum.GetValues<JaroWinklerPath>().Select(JaroWinkler.PathName));

    private static JaroWinklerPath Parse(string name) =>
        JaroWinkler.TryParsePath(name, out JaroWinklerPath path) ? path : throw new ArgumentException(name);

    [Property(MaxTest = 60)]
    public void RandomBlock_EveryPathReturnsExactlyTheScalarPairs(int seed)
    {
        var random = new Random(seed);
        List<int[]> values = RandomValues(random, random.Next(0, 90));
        double threshold = random.Next(6) switch
        {
            0 => 0.0,
            1 => 1.0,
            2 => 0.7,
            _ => Math.Round(random.NextDouble(), 3),
        };
        List<JaroWinklerMatch> expected = ScalarAllPairs(values, threshold);
        foreach (JaroWinklerPath path in Enum.GetValues<JaroWinklerPath>())
            AssertPairs(expected, values, threshold, path);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void NameBlocks_EveryPathReturnsExactlyTheScalarPairs(string pathName)
    {
        JaroWinklerPath path = Parse(pathName);
        // Name-like values: mostly short (the 8- and 16-bit lanes) with some long outliers and
        // an empty value, at the spec's default thresholds.
        var random = new Random(7);
        for (int round = 0; round < 6; round++)
        {
            var values = new List<int[]>();
            int size = new[] { 1, 2, 33, 64, 65, 130 }[round];
            for (int k = 0; k < size; k++)
            {
                int[] v = values.Count > 0 && random.Next(3) == 0
                    ? JaroWinklerStrings.Mutate(random, values[random.Next(values.Count)], 2)
                    : JaroWinklerStrings.Random(random, random.Next(20) == 0 ? random.Next(30, 140) : random.Next(3, 13), round % 2 == 0 ? 2 : 3);
                values.Add(v);
            }
            values.Add([]);
            foreach (double threshold in new[] { 0.88, 0.92, 0.5 })
                AssertPairs(ScalarAllPairs(values, threshold), values, threshold, path);
        }
    }

    [Fact]
    public void Cutoff_MinMatchesEqualsTheFirstReachingMatchCount_ForEveryLengthPair()
    {
        // The table is filled by bisection over m and mirrored across (l1, l2); the definition is the
        // first m whose best case (no transpositions, longest prefix) reaches the threshold.
        foreach (double threshold in new[] { 0.0, 0.5, 0.7, 0.88, 0.92, 0.97, 1.0 })
        {
            var cutoff = new JaroWinklerCutoff(threshold);
            for (int l1 = 1; l1 <= JaroWinklerCutoff.TableLength; l1++)
            {
                for (int l2 = 1; l2 <= JaroWinklerCutoff.TableLength; l2++)
                {
                    int max = Math.Min(l1, l2), expected = threshold - JaroWinklerCutoff.Slack <= 0 ? 0 : max + 1;
                    for (int m = max; m >= 1 && expected != 0; m--)
                    {
                        if (JaroWinklerScalar.Finish(m, 0, l1, l2, Math.Min(JaroWinklerScalar.MaxPrefix, max)) >= threshold - JaroWinklerCutoff.Slack) expected = m;
                    }
                    Assert.True(expected == cutoff.MinMatches(l1, l2), $"threshold {threshold}, lengths {l1}/{l2}: expected {expected}, got {cutoff.MinMatches(l1, l2)}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Utf8Block_DecodesValuesAndScoresThem(string pathName)
    {
        JaroWinklerPath path = Parse(pathName);
        string[] names = ["martha", "marhta", "", "zoë", "zoe", "\U0001F600ab", "\U0001F600ac"];
        byte[][] encoded = names.Select(Encoding.UTF8.GetBytes).ToArray();
        int[] offsets = new int[names.Length + 1];
        for (int i = 0; i < names.Length; i++) offsets[i + 1] = offsets[i] + encoded[i].Length;
        byte[] bytes = encoded.SelectMany(b => b).ToArray();

        JaroWinklerBlock block = JaroWinklerBlock.FromUtf8(bytes, offsets, path);
        Assert.Equal(3, block.Length(4));
        Assert.Equal(3, block.Length(5));
        var matches = new List<JaroWinklerMatch>();
        block.ForEachPairAtLeast(0.0, matches);
        Assert.Equal(names.Length * (names.Length - 1) / 2, matches.Count);
        Assert.Equal(ScalarAllPairs(names.Select(JaroWinklerStrings.CodePoints).ToList(), 0.0), matches);
    }

    private static List<int[]> RandomValues(Random random, int count)
    {
        int alphabet = random.Next(5);
        var values = new List<int[]>();
        for (int k = 0; k < count; k++)
        {
            values.Add(values.Count > 0 && random.Next(2) == 0
                ? JaroWinklerStrings.Mutate(random, values[random.Next(values.Count)], alphabet)
                : JaroWinklerStrings.Random(random, JaroWinklerStrings.RandomLength(random), alphabet));
        }
        return values;
    }

    private static List<JaroWinklerMatch> ScalarAllPairs(List<int[]> values, double threshold)
    {
        var result = new List<JaroWinklerMatch>();
        for (int i = 0; i < values.Count; i++)
            for (int j = i + 1; j < values.Count; j++)
            {
                double score = JaroWinklerScalar.Similarity(values[i], values[j]);
                if (score >= threshold) result.Add(new JaroWinklerMatch(i, j, score));
            }
        return result;
    }

    private static void AssertPairs(List<JaroWinklerMatch> expected, List<int[]> values, double threshold, JaroWinklerPath path)
    {
        var actual = new List<JaroWinklerMatch>();
        JaroWinklerBlock.FromCodePoints(values, path).ForEachPairAtLeast(threshold, actual);
        if (expected.SequenceEqual(actual)) return;
        var missing = expected.Except(actual).Take(3);
        var extra = actual.Except(expected).Take(3);
        Assert.Fail($"{path} at threshold {threshold:R}, {values.Count} values: {expected.Count} expected, {actual.Count} found; " +
            $"missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
    }
}
