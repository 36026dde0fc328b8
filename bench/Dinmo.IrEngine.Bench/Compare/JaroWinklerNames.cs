namespace Dinmo.IrEngine.Bench.Compare;

/// <summary>
/// Deterministic, distinct name-like values (fixed seed) whose lengths are uniform over
/// <see cref="MinLength"/>–<see cref="MaxLength"/> code points: lower-case Latin syllables cut to a
/// length drawn first, and a share of near copies of earlier names (one typo: a substitution or a
/// swap of neighbours, so the copy keeps its source's length and the lengths stay uniform). The near
/// copies make pairs that reach the fuzzy thresholds, so the kernels do real matching work.
/// </summary>
internal static class JaroWinklerNames
{
    /// <summary>Shortest name, in code points (issue #3: 5–12-character names).</summary>
    public const int MinLength = 5;

    /// <summary>Longest name, in code points.</summary>
    public const int MaxLength = 12;

    /// <summary>One name in this many is a near copy of an earlier one.</summary>
    private const int NearCopyEvery = 4;

    private static readonly string[] Syllables =
        ["an", "ber", "ca", "dre", "el", "fa", "gio", "ha", "ine", "jo", "ka", "lou", "ma", "nel", "o", "pi", "que", "ro", "sa", "ti", "u", "va", "wen", "xi", "yan", "zo"];

    /// <summary><paramref name="count"/> distinct names as code point arrays.</summary>
    public static List<int[]> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var names = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            string name = names.Count > 0 && random.Next(NearCopyEvery) == 0
                ? Typo(random, names[random.Next(names.Count)])
                : Fresh(random, random.Next(MinLength, MaxLength + 1));
            if (seen.Add(name)) names.Add(name);
        }
        return names.Select(ToCodePoints).ToList();
    }

    /// <summary>
    /// <paramref name="count"/> (left, right) pairs for one-to-one scoring: every left name is distinct;
    /// half of the right names are a typo of their left name (scores around 0.9), half an unrelated name.
    /// </summary>
    public static (int[][] Left, int[][] Right) GeneratePairs(int count, int seed)
    {
        List<int[]> left = Generate(2 * count, seed);
        var random = new Random(seed + 1);
        var right = new int[count][];
        for (int k = 0; k < count; k++)
        {
            right[k] = random.Next(2) == 0
                ? ToCodePoints(Typo(random, new string(left[k].Select(c => (char)c).ToArray())))
                : left[count + k];
        }
        return (left.Take(count).ToArray(), right);
    }

    private static string Fresh(Random random, int length)
    {
        var name = new System.Text.StringBuilder(length + 3);
        while (name.Length < length) name.Append(Syllables[random.Next(Syllables.Length)]);
        return name.ToString(0, length);
    }

    /// <summary>One substitution or neighbour swap that changes the name (retried until it does).</summary>
    private static string Typo(Random random, string source)
    {
        while (true)
        {
            char[] copy = source.ToCharArray();
            int at = random.Next(copy.Length);
            if (random.Next(2) == 0 && at + 1 < copy.Length) (copy[at], copy[at + 1]) = (copy[at + 1], copy[at]);
            else copy[at] = (char)('a' + random.Next(26));
            var typo = new string(copy);
            if (typo != source) return typo;
        }
    }

    private static int[] ToCodePoints(string name) => name.Select(c => (int)c).ToArray();
}
