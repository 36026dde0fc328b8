using System.Text;
using Dinmo.IrEngine.Stitch;
using FsCheck.Xunit;

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

    [Property(MaxTest = 200)]
    public void Prefix_DifferentPrefixesCompareAsTheValues(int seed)
    {
        // Any bytes (the order is defined on all of them), weighted towards the ones it treats specially and zero padding.
        byte[] special = [0x00, 0x01, 0x7F, 0x80, 0xBF, 0xC2, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xFF];
        var random = new Random(seed);
        byte[] Value() => Enumerable.Range(0, random.Next(11))
            .Select(_ => random.Next(2) == 0 ? special[random.Next(special.Length)] : (byte)random.Next(256)).ToArray();
        for (var i = 0; i < 200; i++)
        {
            var (x, y) = (Value(), Value());
            if (random.Next(4) == 0) y = [.. x.Take(random.Next(x.Length + 1)), .. y]; // share a prefix
            var byPrefix = StateValueOrder.Prefix(x).CompareTo(StateValueOrder.Prefix(y));
            if (byPrefix != 0) Assert.Equal(Math.Sign(StateValueOrder.Compare(x, y)), Math.Sign(byPrefix));
        }
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
