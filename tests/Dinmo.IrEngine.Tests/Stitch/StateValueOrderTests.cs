using System.Text;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>The state files order values as <c>string.CompareOrdinal</c> did when values were strings; the byte comparison must agree.</summary>
public sealed class StateValueOrderTests
{
    [Fact]
    public void Order_EqualsUtf16OrdinalOrderOnRandomStrings()
    {
        // ASCII, Latin-1, the BMP below and above the surrogates, and astral code points (where UTF-16 and UTF-8 orders differ).
        string[] alphabet = ["a", "B", "é", "\uD7FF", "\uE000", "\uFFFD", "😀", "𝄞", "z", ""];
        var random = new Random(4242);
        var strings = Enumerable.Range(0, 500)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => alphabet[random.Next(alphabet.Length)])))
            .ToList();

        var byUtf16 = strings.Order(StringComparer.Ordinal).ToList();
        var byBytes = strings.Select(Encoding.UTF8.GetBytes)
            .Order(Comparer<byte[]>.Create((a, b) => StateValueOrder.Compare(a, b)))
            .Select(Encoding.UTF8.GetString).ToList();
        Assert.Equal(byUtf16, byBytes);
    }

    [Fact]
    public void InvalidUtf8_ReadsAsItsDecodedText()
    {
        var utf8 = new ValidUtf8();
        Assert.Equal("abc"u8.ToArray(), utf8.Of("abc"u8).ToArray());
        byte[] invalid = [(byte)'a', 0xFF, (byte)'b'];
        Assert.Equal(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(invalid)), utf8.Of(invalid).ToArray());
    }
}
