using System.Text;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// The values' precomputed orders against sorting the values themselves: code point order for the output
/// tables, <see cref="StateValueOrder"/> for the state, both within the identifier rank, on values that share
/// long prefixes (so the sort keys' prefixes tie) and hold the characters where the two orders differ.
/// </summary>
public sealed class ValueOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Orders_EqualSortingTheValues(int threads)
    {
        string[] alphabet = ["a", "B", "é", "\uE000", "\uFFFD", "😀", "z", "0"];
        var random = new Random(20261207);
        var values = new IdentifierValues();
        var seen = new HashSet<(int, string)>();
        while (seen.Count < 1500) // of the 1,755 there are
        {
            var text = "shared-prefix-" + string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var identifier = random.Next(3);
            if (seen.Add((identifier, text))) values.Intern(identifier, Encoding.UTF8.GetBytes(text));
        }
        var ids = Enumerable.Range(0, values.Count).ToList();

        var order = ValueOrder.Of(values, threads);

        var byCodePoint = ids.Order(Comparer<int>.Create(values.CompareIdentifierThenValue)).ToList();
        Assert.Equal(byCodePoint, ids.OrderBy(order.CodePointRank));
        var byState = ids.Order(Comparer<int>.Create((x, y) => values.Identifier(x) != values.Identifier(y)
            ? values.Identifier(x).CompareTo(values.Identifier(y)) : StateValueOrder.Compare(values.Utf8(x), values.Utf8(y)))).ToList();
        Assert.Equal(byState, order.StateOrder);
        Assert.NotEqual(byCodePoint, byState); // the values hold characters the two orders put differently
    }
}
