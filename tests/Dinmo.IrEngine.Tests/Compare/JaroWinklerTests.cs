using System.Text;
using Dinmo.IrEngine.Compare;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Compare;

public class JaroWinklerTests
{
    // Path names rather than the internal enum: xunit theory methods must be public.
    public static TheoryData<string> Paths() => new(Enum.GetValues<JaroWinklerPath>().Select(JaroWinkler.PathName));

    private static JaroWinklerPath Parse(string name) =>
        JaroWinkler.TryParsePath(name, out JaroWinklerPath path) ? path : throw new ArgumentException(name);

    [Theory]
    [MemberData(nameof(Paths))]
    public void ReferenceVectors_MatchOnEveryPath(string pathName)
    {
        JaroWinklerPath path = Parse(pathName);
        IReadOnlyList<JaroWinklerVectors.Row> rows = JaroWinklerVectors.All;
        Assert.True(rows.Count > 100, $"only {rows.Count} rows in {JaroWinklerVectors.FilePath}");
        Assert.Contains(rows, r => r.S1.Length == 0 && r.S2.Length == 0);
        foreach (JaroWinklerVectors.Row row in rows)
        {
            double actual = JaroWinkler.Similarity(JaroWinklerStrings.CodePoints(row.S1), JaroWinklerStrings.CodePoints(row.S2), path);
            Assert.True(Math.Abs(actual - row.JaroWinkler) <= 1e-12,
                $"line {row.Line} ({row.S1}|{row.S2}): expected {row.JaroWinkler:R}, {path} gave {actual:R}");
        }
    }

    [Fact]
    public void ReferenceVectors_Utf8DecodingAgreesWithStringRunes()
    {
        foreach (JaroWinklerVectors.Row row in JaroWinklerVectors.All)
        {
            Assert.Equal(JaroWinklerStrings.CodePoints(row.S1), Utf8CodePoints.ToArray(Encoding.UTF8.GetBytes(row.S1)));
        }
    }

    [Fact]
    public void ReferenceVectors_CsvParserHandlesQuotesCommasAndLineBreaks()
    {
        List<List<string>> records = JaroWinklerVectors.ParseCsv("a,b\r\n\"x,\"\"y\"\"\r\nz\",\n,\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(["x,\"y\"\r\nz", ""], records[1]);
        Assert.Equal(["", ""], records[2]);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void BoundaryLengths_EqualScalarBitForBit(string pathName)
    {
        JaroWinklerPath path = Parse(pathName);
        var random = new Random(20240611);
        foreach (int l1 in JaroWinklerStrings.BoundaryLengths)
        {
            foreach (int l2 in JaroWinklerStrings.BoundaryLengths)
            {
                for (int alphabet = 0; alphabet < 5; alphabet++)
                {
                    int[] a = JaroWinklerStrings.Random(random, l1, alphabet);
                    int[] b = JaroWinklerStrings.Random(random, l2, alphabet);
                    AssertSame(a, b, path);
                    AssertSame(a, JaroWinklerStrings.Mutate(random, a, alphabet), path);
                }
            }
        }
    }

    [Property(MaxTest = 300)]
    public void RandomStrings_EveryPathEqualsScalarBitForBit(int seed)
    {
        var random = new Random(seed);
        int alphabet = random.Next(5);
        int[] a = JaroWinklerStrings.Random(random, JaroWinklerStrings.RandomLength(random), alphabet);
        int[] b = random.Next(2) == 0
            ? JaroWinklerStrings.Random(random, JaroWinklerStrings.RandomLength(random), alphabet)
            : JaroWinklerStrings.Mutate(random, a, alphabet);
        foreach (JaroWinklerPath path in Enum.GetValues<JaroWinklerPath>()) AssertSame(a, b, path);
    }

    [Property(MaxTest = 300)]
    public void RandomStrings_ScoreIsSymmetric(int seed)
    {
        // The block paths rely on this: they let whichever string is convenient be the pattern.
        var random = new Random(seed);
        int alphabet = random.Next(5);
        int[] a = JaroWinklerStrings.Random(random, JaroWinklerStrings.RandomLength(random), alphabet);
        int[] b = JaroWinklerStrings.Mutate(random, JaroWinklerStrings.Random(random, JaroWinklerStrings.RandomLength(random), alphabet), alphabet);
        Assert.Equal(BitConverter.DoubleToInt64Bits(JaroWinklerScalar.Similarity(a, b)),
            BitConverter.DoubleToInt64Bits(JaroWinklerScalar.Similarity(b, a)));
    }

    [Fact]
    public void SmallAlphabetExhaustive_EveryPathEqualsScalar()
    {
        // Every string over {a, b} up to length 6 against every other: all window and tie cases.
        var strings = new List<int[]>();
        for (int length = 0; length <= 6; length++)
            for (int bits = 0; bits < 1 << length; bits++)
                strings.Add(Enumerable.Range(0, length).Select(k => (bits >> k & 1) == 0 ? (int)'a' : 'b').ToArray());
        foreach (int[] a in strings)
            foreach (int[] b in strings)
                foreach (JaroWinklerPath path in Enum.GetValues<JaroWinklerPath>())
                    AssertSame(a, b, path);
    }

    [Fact]
    public void KnownValues_FollowTheSpecDefinition()
    {
        Assert.Equal(1.0, JaroWinklerScalar.Similarity([], []));
        Assert.Equal(0.0, JaroWinklerScalar.Similarity([], ['a']));
        Assert.Equal(0.0, JaroWinklerScalar.Similarity(['a', 'b'], ['b', 'a'])); // window 0
        // MARTHA/MARHTA: m = 6, t = 1, p = 3.
        Assert.Equal(((6 / 6.0 + 6 / 6.0) + 5 / 6.0) / 3.0 is var j ? j + (3 * 0.1) * (1.0 - j) : 0,
            JaroWinklerScalar.Similarity(JaroWinklerStrings.CodePoints("martha"), JaroWinklerStrings.CodePoints("marhta")));
        // Length counts code points: one astral character is one position, not two UTF-16 units.
        Assert.Equal(1.0, JaroWinklerScalar.Similarity([0x1F600], JaroWinklerStrings.CodePoints("\U0001F600")));
    }

    [Fact]
    public void SelectPath_ForcedSupportedNameWins_UnknownOrUnsupportedNameIsAConfigError()
    {
        foreach (JaroWinklerPath path in Enum.GetValues<JaroWinklerPath>())
        {
            string name = JaroWinkler.PathName(path);
            if (JaroWinkler.IsSupported(path))
            {
                Assert.Equal(path, JaroWinkler.SelectPath(name));
                Assert.Equal(path, JaroWinkler.SelectPath(name.ToUpperInvariant()));
            }
            else
            {
                var unsupported = Assert.Throws<Dinmo.IrEngine.Errors.ConfigException>(() => JaroWinkler.SelectPath(name));
                Assert.Contains("does not run in hardware", unsupported.Message);
            }
        }
        var unknown = Assert.Throws<Dinmo.IrEngine.Errors.ConfigException>(() => JaroWinkler.SelectPath("avx9000"));
        Assert.Contains("IRENGINE_JW_PATH", unknown.Message);
        Assert.Contains("'avx9000'", unknown.Message);
        Assert.Contains("scalar, bitparallel, vector128, vector256, vector512", unknown.Message);
        JaroWinklerPath widest = JaroWinkler.SelectPath(null);
        Assert.Equal(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated, widest == JaroWinklerPath.Vector512);
        Assert.True(JaroWinkler.IsSupported(widest));
        Assert.False(string.IsNullOrEmpty(JaroWinkler.ActivePathName));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void PairEdgeCodePoints_EqualScalarBitForBit(string pathName)
    {
        // The one-to-one fast paths: code point 0 against vector padding, the Latin-1 table edge
        // (255 / 256), the largest code point, and lengths around the 4/8/16-lane registers.
        JaroWinklerPath path = Parse(pathName);
        int[] letters = [0, 1, 'a', 255, 256, 0x10FFFF];
        var random = new Random(31);
        foreach (int l1 in new[] { 1, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 20 })
        {
            foreach (int l2 in new[] { 1, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 20 })
            {
                for (int round = 0; round < 20; round++)
                {
                    int[] a = Enumerable.Range(0, l1).Select(_ => letters[random.Next(round % 2 == 0 ? 3 : letters.Length)]).ToArray();
                    int[] b = Enumerable.Range(0, l2).Select(_ => letters[random.Next(round % 2 == 0 ? 3 : letters.Length)]).ToArray();
                    AssertSame(a, b, path);
                    AssertSame(b, a, path);
                }
            }
        }
    }

    [Fact]
    public void Utf8Decode_InvalidBytesBecomeReplacementCharacters()
    {
        Assert.Equal([0x61, 0xFFFD, 0x62], Utf8CodePoints.ToArray([0x61, 0xFF, 0x62]));
        Assert.Equal([0x1F600], Utf8CodePoints.ToArray(Encoding.UTF8.GetBytes("\U0001F600")));
    }

    private static void AssertSame(int[] a, int[] b, JaroWinklerPath path)
    {
        double expected = JaroWinklerScalar.Similarity(a, b);
        double actual = JaroWinkler.Similarity(a, b, path);
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
            Assert.Fail($"{path}: [{string.Join(' ', a.Select(c => c.ToString("X")))}] vs [{string.Join(' ', b.Select(c => c.ToString("X")))}]: scalar {expected:R}, path {actual:R}");
    }
}
