using System.Text;
using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Tests.Columnar;

public sealed class Utf8ColumnTests
{
    [Fact]
    public void Values_NullsAndEmptyStrings_ReadBack()
    {
        using var column = new Utf8Column(capacity: 2, byteCapacity: 4);
        Assert.Equal(0, column.Add("héllo"));
        Assert.Equal(1, column.AddNull());
        Assert.Equal(2, column.Add(""));
        Assert.Equal(3, column.Add("😀"u8));

        Assert.Equal(4, column.Count);
        Assert.Equal("héllo", column.GetString(0));
        Assert.True(column.IsNull(1));
        Assert.Null(column.GetString(1));
        Assert.False(column.IsNull(2));
        Assert.Equal("", column.GetString(2));
        Assert.True(column[3].SequenceEqual("😀"u8));
        Assert.Equal(Encoding.UTF8.GetByteCount("héllo😀"), column.ByteCount);
    }

    [Fact]
    public void ManyValues_GrowBuffers()
    {
        using var column = new Utf8Column(capacity: 1, byteCapacity: 1);
        for (var i = 0; i < 5_000; i++) column.Add("value-" + i);
        for (var i = 0; i < 5_000; i += 499) Assert.Equal("value-" + i, column.GetString(i));
        Assert.Equal(5_001, column.Offsets.Length);
    }
}
