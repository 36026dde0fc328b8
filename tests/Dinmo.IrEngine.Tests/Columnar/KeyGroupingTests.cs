using Dinmo.IrEngine.Columnar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Columnar;

/// <summary>The radix grouping gives exactly the comparison-sort reference order.</summary>
public sealed class KeyGroupingTests
{
    [Property(MaxTest = 300)]
    public Property Radix_EqualsReference_ForRandomTuples() =>
        Prop.ForAll(Gen.Choose(1, 3).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (stride, bound, seed) =>
            {
                var random = new Random(seed);
                var keys = Enumerable.Range(0, stride * random.Next(0, 200)).Select(_ => random.Next(bound)).ToArray();
                return KeyGrouping.Radix(keys, stride, bound).SequenceEqual(KeyGrouping.Reference(keys, stride));
            });

    [Fact]
    public void EqualTuples_KeepEntryOrder_AndComeOutInTupleOrder()
    {
        int[] keys = [2, 0, 1, 5, 2, 0, 0, 9, 1, 5];
        Assert.Equal([3, 1, 4, 0, 2], KeyGrouping.Radix(keys, 2, 10));
    }
}
