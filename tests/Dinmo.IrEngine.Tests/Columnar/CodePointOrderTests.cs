using System.Text;
using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Tests.Columnar;

public sealed class CodePointOrderTests
{
    [Fact]
    public void Order_EqualsUtf8ByteOrderOnRandomStrings()
    {
        // Alphabet spans ASCII, Latin-1, the BMP above the surrogates, and astral code points.
        string[] alphabet = ["a", "B", "é", "\uE000", "\uFFFD", "😀", "𝄞", "z", ""];
        var random = new Random(5150);
        var strings = Enumerable.Range(0, 400)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => alphabet[random.Next(alphabet.Length)])))
            .ToList();

        var byCodePoint = strings.Order(CodePointOrder.Instance).ToList();
        var byBytes = strings.OrderBy(s => Encoding.UTF8.GetBytes(s), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();
        Assert.Equal(byBytes, byCodePoint);
    }

    [Fact]
    public void AstralCodePoint_SortsAfterPrivateUseArea()
    {
        Assert.True(CodePointOrder.Instance.Compare("😀", "\uE000") > 0);
        Assert.True(string.CompareOrdinal("😀", "\uE000") < 0); // where UTF-16 ordinal order differs
    }

    [Fact]
    public void Nulls_SortFirstAndPrefixesBeforeLongerStrings()
    {
        Assert.True(CodePointOrder.Instance.Compare(null, "") < 0);
        Assert.Equal(0, CodePointOrder.Instance.Compare(null, null));
        Assert.True(CodePointOrder.Instance.Compare("ab", "abc") < 0);
        Assert.Equal(0, CodePointOrder.Instance.Compare("é", "é"));
    }
}
