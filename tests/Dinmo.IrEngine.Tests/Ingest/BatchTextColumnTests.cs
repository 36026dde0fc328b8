using Apache.Arrow;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Tests.Ingest;

/// <summary>The decoded batch column gives every cell exactly as <see cref="ArrowValueText"/> does, the reference it replaces in the row loop.</summary>
public sealed class BatchTextColumnTests
{
    private static StringArray Strings(int count, int seed)
    {
        var random = new Random(seed);
        var builder = new StringArray.Builder();
        for (var i = 0; i < count; i++)
        {
            if (random.Next(4) == 0) builder.AppendNull();
            else builder.Append(random.Next(6) == 0 ? "" : $"v{random.Next(1000)}é{new string('x', random.Next(30))}");
        }
        return builder.Build();
    }

    public static TheoryData<string> Arrays() => ["strings", "sliced strings", "no nulls", "int64", "reused"];

    [Theory]
    [MemberData(nameof(Arrays))]
    public void EveryCell_EqualsArrowValueText(string kind)
    {
        IArrowArray array = kind switch
        {
            "strings" => Strings(300, 1),
            "sliced strings" => ArrowArrayFactory.Slice(Strings(300, 2), 37, 200),
            "no nulls" => new StringArray.Builder().AppendRange(Enumerable.Range(0, 100).Select(i => $"k{i}")).Build(),
            "int64" => new Int64Array.Builder().Append(5).AppendNull().Append(-7).Build(),
            _ => Strings(50, 3),
        };
        var cells = new BatchTextColumn();
        if (kind == "reused") cells.Load(Strings(400, 4)); // a larger batch first: the arrays are reused
        cells.Load(array);
        Span<byte> expectedScratch = stackalloc byte[ArrowValueText.ScratchBytes];
        Span<byte> scratch = stackalloc byte[ArrowValueText.ScratchBytes];
        for (var row = 0; row < array.Length; row++)
        {
            var expected = ArrowValueText.TryGet(array, row, expectedScratch, out var expectedText);
            Assert.Equal(expected, cells.TryGet(row, scratch, out var text));
            Assert.True(expectedText.SequenceEqual(text), $"row {row}");
        }
    }
}
