namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Orders strings by Unicode code point, which is the order of their UTF-8 bytes: the one order the
/// engine uses for record keys and every sorted output column, whether a value is held as UTF-8
/// bytes or as a .NET string. (UTF-16 ordinal order differs for characters above U+FFFF.)
/// </summary>
internal sealed class CodePointOrder : IComparer<string?>
{
    public static readonly CodePointOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        // Keys often share long prefixes (pv0000012345): find the first difference vectorized.
        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == Math.Min(x.Length, y.Length)) return x.Length.CompareTo(y.Length);
        // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF, so they sort after
        // everything else in the BMP, including U+E000–U+FFFF.
        return Rank(x[common]).CompareTo(Rank(y[common]));
    }

    private static int Rank(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
