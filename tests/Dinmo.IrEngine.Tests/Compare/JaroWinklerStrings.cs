using System.Text;

namespace Dinmo.IrEngine.Tests.Compare;

/// <summary>Deterministic random code point strings for the kernel-equivalence properties.</summary>
internal static class JaroWinklerStrings
{
    /// <summary>Lengths at the lane and word edges of every path (W-1, W, W+1, 2W+1 for W = 8..64).</summary>
    public static readonly int[] BoundaryLengths = [0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 129, 150];

    private static readonly int[][] Alphabets =
    [
        ['a', 'b'],
        ['a', 'b', 'c', 'd'],
        "abcdefghijklmnopqrstuvwxyz".Select(c => (int)c).ToArray(),
        ['a', 'é', 'ß', 'Ж', 'ж', 0x4E2D, 0x1F600, 0x10000, 0x10FFFF, 'e'],
        [0x1F600, 0x1F601, 0x20000],
    ];

    public static int[] Random(Random random, int length, int alphabet)
    {
        int[] letters = Alphabets[alphabet % Alphabets.Length];
        var result = new int[length];
        for (int k = 0; k < length; k++) result[k] = letters[random.Next(letters.Length)];
        return result;
    }

    public static int RandomLength(Random random) => random.Next(4) switch
    {
        0 => BoundaryLengths[random.Next(BoundaryLengths.Length)],
        1 => random.Next(0, 70),
        _ => random.Next(0, 14),
    };

    /// <summary>A near copy: a few substitutions, deletions and swaps, so pairs often score high.</summary>
    public static int[] Mutate(Random random, int[] source, int alphabet)
    {
        var list = source.ToList();
        int edits = random.Next(4);
        int[] letters = Alphabets[alphabet % Alphabets.Length];
        for (int e = 0; e < edits && list.Count > 0; e++)
        {
            int at = random.Next(list.Count);
            switch (random.Next(3))
            {
                case 0: list[at] = letters[random.Next(letters.Length)]; break;
                case 1: list.RemoveAt(at); break;
                default:
                    int to = Math.Min(list.Count - 1, at + 1);
                    (list[at], list[to]) = (list[to], list[at]);
                    break;
            }
        }
        return list.ToArray();
    }

    public static int[] CodePoints(string s)
    {
        var result = new List<int>();
        foreach (Rune rune in s.EnumerateRunes()) result.Add(rune.Value);
        return result.ToArray();
    }
}
