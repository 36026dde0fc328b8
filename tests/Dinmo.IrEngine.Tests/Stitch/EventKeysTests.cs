using System.Text;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>Key ranks are the keys' code point order, whether the keys came in that order (no check made) or not.</summary>
public sealed class EventKeysTests
{
    [Fact]
    public void Ranks_KeysInOrderAndOutOfOrder_RankTheKeysByTheirBytes()
    {
        using var keys = EventKeys.Of(["in_order", "out_of_order"]);
        foreach (var key in new[] { "a-1", "a-2", "b", "é" }) keys.Intern(0, Encoding.UTF8.GetBytes(key));
        foreach (var key in new[] { "b", "a-2", "é", "a-1" }) keys.Intern(1, Encoding.UTF8.GetBytes(key));

        var ranks = keys.Ranks(threads: 2);

        Assert.Equal([0, 1, 2, 3], ranks[0]);
        Assert.Equal([2, 1, 3, 0], ranks[1]);
    }
}
