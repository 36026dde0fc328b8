using Apache.Arrow;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Tests.Ingest;

public sealed class TextCellsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(7, 3)] // a slice: its offsets and validity bits start part-way
    public void EveryCell_IsWhatArrowGives_NullsEmpty(int seed, int sliceFrom)
    {
        var random = new Random(seed);
        var builder = new StringArray.Builder();
        for (var i = 0; i < 200; i++)
            if (seed > 0 && random.Next(4) == 0) builder.AppendNull();
            else builder.Append(new string((char)('a' + random.Next(26)), random.Next(0, 12)) + (random.Next(3) == 0 ? "é" : ""));
        var whole = builder.Build();
        var texts = sliceFrom == 0 ? whole : (StringArray)whole.Slice(sliceFrom, whole.Length - sliceFrom - 5);

        var cells = new TextCells(texts);

        Assert.Equal(seed > 0, Enumerable.Range(0, texts.Length).Any(texts.IsNull)); // the nulls are exercised
        for (var r = 0; r < texts.Length; r++)
        {
            Assert.Equal(texts.IsNull(r), cells.IsNull(r));
            Assert.Equal(texts.GetBytes(r).ToArray(), cells[r].ToArray());
        }
    }
}
