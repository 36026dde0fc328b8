using Apache.Arrow;
using Dinmo.IrEngine.Output.Tables;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Output.Tables;

/// <summary>
/// The text column's fast paths against their references: the small copy against <c>Span.CopyTo</c>
/// for every length it takes, and whole columns (values of every length, nulls, chunk resets) against
/// the values they were given, validity bits included.
/// </summary>
public sealed class TextColumnBuilderTests
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

    private static bool Matches(StringArray built, List<byte[]?> values)
    {
        if (built.Length != values.Count || built.NullCount != values.Count(v => v is null)) return false;
        for (var i = 0; i < values.Count; i++)
        {
            if (built.IsNull(i) != values[i] is null) return false;
            if (values[i] is { } value && !built.GetBytes(i).SequenceEqual(value)) return false;
        }
        // Bits past the last row stay clear, so equal columns are equal files.
        var validity = built.NullBitmapBuffer.Span;
        return built.NullCount == 0 || values.Count % 8 == 0 || (validity[values.Count / 8] >> (values.Count % 8)) == 0;
    }
}
