namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// SPEC §3.2 standardization steps as DuckDB expressions, the way a warehouse team writes them:
/// <c>trim</c> over the Unicode White_Space set, <c>lower</c>, <c>regexp_replace</c> for digits and
/// e-mail tags, <c>strip_accents</c> plus the letters that have no decomposition. A value that is
/// empty afterwards is NULL, as in the engine.
/// </summary>
internal static class StandardizeSql
{
    /// <summary>Unicode White_Space: TAB..CR, space, NEL, NBSP, OGHAM SPACE, EN QUAD..HAIR SPACE, LS, PS, NNBSP, MMSP, IDEOGRAPHIC SPACE.</summary>
    private const string WhiteSpace =
        "\t\n\u000B\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    /// <summary>The same set as an RE2 class, for collapsing runs.</summary>
    private const string WhiteSpaceClass = @"[\t\n\x{0B}\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+";

    /// <summary>Letters that canonical decomposition leaves alone, spelled as the engine's fold does.</summary>
    private static readonly (string Letter, string Spelled)[] Undecomposable =
    [
        ("ß", "ss"), ("ẞ", "SS"), ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ø", "o"), ("Ø", "O"),
        ("ł", "l"), ("Ł", "L"), ("đ", "d"), ("Đ", "D"), ("ð", "d"), ("Ð", "D"), ("þ", "th"), ("Þ", "TH"),
    ];

    /// <summary>Applies <paramref name="steps"/> in order to <paramref name="expression"/> (a VARCHAR expression).</summary>
    public static string Apply(IReadOnlyList<string> steps, string expression)
    {
        foreach (var step in steps) expression = Step(step, expression);
        return $"nullif({expression}, '')";
    }

    private static string Step(string step, string e) => step switch
    {
        "trim" => Trim(e),
        "lowercase" or "case_insensitive" => $"lower({e})",
        "only_numeric" => $"regexp_replace({e}, '[^0-9]', '', 'g')",
        "collapse_whitespace" => $"regexp_replace({e}, {SqlText.Literal(WhiteSpaceClass)}, ' ', 'g')",
        "fold_accents" => FoldAccents(e),
        // Drop from the first '+' up to the '@' after it; without such an '@' the value keeps its '+'.
        "email" => $"regexp_replace(lower({Trim(e)}), '^([^+]*)\\+[^@]*@', '\\1@')",
        _ => throw new InvalidDataException($"standardize step '{step}' has no SQL translation"),
    };

    private static string Trim(string e) => $"trim({e}, {SqlText.Literal(WhiteSpace)})";

    private static string FoldAccents(string e)
    {
        var folded = $"strip_accents({e})";
        foreach (var (letter, spelled) in Undecomposable)
            folded = $"replace({folded}, {SqlText.Literal(letter)}, {SqlText.Literal(spelled)})";
        return folded;
    }
}
