using Apache.Arrow;
using Dinmo.IrEngine.Output.Tables;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Output.Tables;

/// <summary>
/// The column builders' fast paths against their references: the small copy against <c>Span.CopyTo</c>
/// for every length it takes, and whole columns (text values of every length, numbers, flags, nulls,
/// chunk resets) against the values they were given, validity bits included: builders mark only nulls
/// and hand out the complement.
/// </summary>
public sealed class ColumnBuilderTests
{
    [Fact]
    public void CopySmall_EveryLengthAndOffset_CopiesExactlyThoseBytes()
    {
        var source = Enumerable.Range(1, 80).Select(i => (byte)i).ToArray();
        for (var length = 0; length <= TextColumnBuilder.SmallBytes; length++)
            for (var offset = 0; offset < 8; offset++)
            {
                var expected = Enumerable.Repeat((byte)0xEE, 80).ToArray();
                var actual = (byte[])expected.Clone();
                source.AsSpan(offset, length).CopyTo(expected.AsSpan(offset + 3));
                TextColumnBuilder.CopySmall(source.AsSpan(offset, length), actual.AsSpan(offset + 3, length));
                Assert.Equal(expected, actual); // nothing written around the target either
            }
    }

    [Fact]
    public void CopySmall_LongerThanItsLimitOrUnequalSpans_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextColumnBuilder.CopySmall(new byte[TextColumnBuilder.SmallBytes + 1], new byte[TextColumnBuilder.SmallBytes + 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextColumnBuilder.CopySmall(new byte[4], new byte[5]));
    }

    [Property(MaxTest = 60)]
    public Property RandomValuesAndNulls_BuildTheValuesGiven() => Prop.ForAll(
        Gen.ListOf(Gen.Choose(-1, 70)).ToArbitrary(), lengths =>
        {
            // A small capacity, so that bytes, offsets and null bits all grow; then a reset and the values again.
            var builder = new TextColumnBuilder(capacity: 3, bytesPerValue: 2);
            var values = lengths.Select((length, i) => length < 0 ? null : Enumerable.Range(i, length).Select(b => (byte)b).ToArray()).ToList();
            for (var round = 0; round < 2; round++)
            {
                foreach (var value in values)
                    if (value is null) builder.AppendNull();
                    else builder.Append(value.AsSpan());
                var built = builder.Build();
                if (!Matches(built, values)) return false;
                builder.Reset();
            }
            return true;
        });

    [Property(MaxTest = 60)]
    public Property RandomNumbersFlagsAndNulls_BuildTheValuesGiven() => Prop.ForAll(
        Gen.ListOf(Gen.Choose(-1, 1)).ToArbitrary(), cells =>
        {
            var numbers = new ValueColumnBuilder<long>(ColumnTypes.Int64, 3);
            var flags = new FlagColumnBuilder(3);
            for (var round = 0; round < 2; round++)
            {
                for (var i = 0; i < cells.Count; i++)
                    if (cells[i] < 0)
                    {
                        numbers.AppendNull();
                        flags.AppendNull();
                    }
                    else
                    {
                        numbers.Append(i * 10L + round);
                        flags.Append(cells[i] == 1);
                    }
                var (n, f) = ((Int64Array)numbers.BuildChunk(), (BooleanArray)flags.BuildChunk());
                for (var i = 0; i < cells.Count; i++)
                    if (n.GetValue(i) != (cells[i] < 0 ? null : i * 10L + round) || f.GetValue(i) != (cells[i] < 0 ? null : cells[i] == 1))
                        return false;
                if (!TrailingBitsClear(n, cells.Count) || !TrailingBitsClear(f, cells.Count)) return false;
                numbers.Reset();
                flags.Reset();
            }
            return true;
        });

    private static bool TrailingBitsClear(IArrowArray array, int count) =>
        array.NullCount == 0 || count % 8 == 0 || (array.Data.Buffers[0].Span[count / 8] >> (count % 8)) == 0;

    private static bool Matches(StringArray built, List<byte[]?> values)
    {
        if (built.Length != values.Count || built.NullCount != values.Count(v => v is null)) return false;
        for (var i = 0; i < values.Count; i++)
        {
            if (built.IsNull(i) != values[i] is null) return false;
            if (values[i] is { } value && !built.GetBytes(i).SequenceEqual(value)) return false;
        }
        // Bits past the last row stay clear, so equal columns are equal files.
        return TrailingBitsClear(built, values.Count);
    }
}
