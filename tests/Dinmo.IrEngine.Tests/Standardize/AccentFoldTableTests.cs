using System.Buffers;
using System.Text;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Tests.Standardize;

public sealed class AccentFoldTableTests
{
    private static string Fold(string text)
    {
        // The writer returns outgrown buffers to the shared pool, so it must start from a pooled one.
        var writer = new Utf8Writer(ArrayPool<byte>.Shared.Rent(16));
        foreach (var rune in text.EnumerateRunes()) AccentFoldTable.Append(rune, ref writer);
        var folded = Encoding.UTF8.GetString(writer.Written);
        ArrayPool<byte>.Shared.Return(writer.Buffer);
        return folded;
    }

    [Theory]
    [InlineData("àáâãäå", "aaaaaa")]
    [InlineData("ÀÁÂÃÄÅ", "AAAAAA")]
    [InlineData("çÇñÑ", "cCnN")]
    [InlineData("ěščřžýůĚŠČŘŽÝŮ", "escrzyuESCRZYU")]
    [InlineData("ǿǾ", "oO")]
    [InlineData("ắ", "a")]     // two marks in the decomposition
    [InlineData("ά", "α")]     // Greek tonos
    [InlineData("й", "и")]     // Cyrillic short i decomposes to и + breve
    public void DecomposableLetters_LoseTheirMarks(string input, string expected)
        => Assert.Equal(expected, Fold(input));

    [Theory]
    [InlineData("\u0301")]
    [InlineData("\u0308\u0323")]
    [InlineData("\u20DD")] // enclosing mark
    public void CombiningMarks_AreDropped(string input) => Assert.Equal("", Fold(input));

    [Theory]
    [InlineData("abc XYZ 09 -_.@")]
    [InlineData("日本語")]
    [InlineData("😀")]
    [InlineData("αβγ")]
    public void LettersWithoutAccents_AreUnchanged(string input) => Assert.Equal(input, Fold(input));

    [Fact]
    public void SpecialLetters_AreSpelledOut()
        => Assert.Equal("ss SS ae AE oe OE o O l L d D d D th TH", Fold("ß ẞ æ Æ œ Œ ø Ø ł Ł đ Đ ð Ð þ Þ"));

    [Fact]
    public void ManyRunes_GrowTheWriter()
        => Assert.Equal(string.Concat(Enumerable.Repeat("ethss", 100)), Fold(string.Concat(Enumerable.Repeat("éþß", 100))));
}
