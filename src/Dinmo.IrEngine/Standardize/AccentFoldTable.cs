using System.Text;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// Accent folding for names (SPEC §3.2 <c>fold_accents</c>): canonical decomposition with combining
/// marks dropped, then the letters that have no decomposition (ß, æ, œ, ø, ł, đ, ð, þ) spelled out.
/// </summary>
/// <remarks>
/// The engine runs with invariant globalization, where <see cref="string.Normalize()"/> does not
/// decompose, so the decompositions are a generated table (AccentFoldTable.Data.cs), made with
/// Python's <c>unicodedata</c>: for each code point c with a canonical decomposition,
/// <c>''.join(x for x in normalize('NFD', c) if not category(x).startswith('M'))</c>.
/// </remarks>
internal static partial class AccentFoldTable
{
    /// <summary>Appends the folded form of <paramref name="rune"/> to <paramref name="output"/>.</summary>
    public static void Append(Rune rune, ref Utf8Writer output)
    {
        if (rune.Value < 0x80)
        {
            output.Append((byte)rune.Value);
            return;
        }
        if (IsCombiningMark(rune)) return;
        var index = Array.BinarySearch(Keys, rune.Value);
        if (index < 0)
        {
            AppendSpecial(rune, ref output);
            return;
        }
        // The decomposed base may itself be a special letter (ǿ → ø → o) or, rarely, keep a mark.
        foreach (var inner in Folded[index].EnumerateRunes())
        {
            if (!IsCombiningMark(inner)) AppendSpecial(inner, ref output);
        }
    }

    private static void AppendSpecial(Rune rune, ref Utf8Writer output)
    {
        var spelled = rune.Value switch
        {
            'ß' => "ss", 'ẞ' => "SS",
            'æ' => "ae", 'Æ' => "AE",
            'œ' => "oe", 'Œ' => "OE",
            'ø' => "o", 'Ø' => "O",
            'ł' => "l", 'Ł' => "L",
            'đ' => "d", 'Đ' => "D",
            'ð' => "d", 'Ð' => "D",
            'þ' => "th", 'Þ' => "TH",
            _ => null,
        };
        if (spelled is null) output.Append(rune);
        else
        {
            foreach (var c in spelled) output.Append((byte)c);
        }
    }

    private static bool IsCombiningMark(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark;
    }
}
