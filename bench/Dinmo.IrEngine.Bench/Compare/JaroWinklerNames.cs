namespace Dinmo.IrEngine.Bench.Compare;

/// <summary>
/// Deterministic name-like values of 5–12 code points (fixed seed): syllables of a small Latin
/// alphabet, a quarter of them near copies of earlier names so some pairs pass the threshold.
/// </summary>
internal static class JaroWinklerNames
{
    private static readonly string[] Syllables =
        ["an", "ber", "ca", "dre", "el", "fa", "gio", "ha", "ine", "jo", "ka", "lou", "ma", "nel", "o", "pi", "que", "ro", "sa", "ti", "u", "va", "wen", "xi", "yan", "zo"];

    public static List<int[]> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var names = new List<int[]>(count);
        while (names.Count < count)
        {
            string name;
            if (names.Count > 4 && random.Next(4) == 0)
            {
                char[] copy = names[random.Next(names.Count)].Select(c => (char)c).ToArray();
                int at = random.Next(copy.Length);
                copy[at] = (char)('a' + random.Next(26));
                name = new string(copy);
            }
            else
            {
                name = "";
                while (name.Length < 5) name += Syllables[random.Next(Syllables.Length)];
                int max = random.Next(5, 13);
                if (name.Length > max) name = name[..max];
            }
            names.Add(name.Select(c => (int)c).ToArray());
        }
        return names;
    }
}
