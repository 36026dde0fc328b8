using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Output;

public class CsvTableWriterTests
{
    [Fact]
    public void Csv_EveryType_FormattedExactly()
    {
        using var dir = new TempDirectory();
        var written = TableFileWriter.Write(OutputFormat.Csv, dir.Path, "sample", SampleTable.Schema, [SampleTable.Batch()]);

        Assert.Equal(Path.Combine(dir.Path, "sample.csv"), written.File);
        Assert.Equal(5, written.Rows);
        Assert.Equal(SampleTable.Csv, File.ReadAllText(written.File, Encoding.UTF8));
    }

    [Fact]
    public void Csv_Utf8WithoutBomAndLfLineEndings()
    {
        using var dir = new TempDirectory();
        var written = TableFileWriter.Write(OutputFormat.Csv, dir.Path, "sample", SampleTable.Schema, [SampleTable.Batch()]);

        var bytes = File.ReadAllBytes(written.File);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    [Fact]
    public void Csv_QuotedEmptyIsEmptyString_UnquotedEmptyIsNull()
    {
        using var dir = new TempDirectory();
        var schema = new Schema.Builder().Field(new Field("a", StringType.Default, true)).Field(new Field("b", StringType.Default, true)).Build();
        var a = new StringArray.Builder().Append("").AppendNull().Build();
        var b = new StringArray.Builder().AppendNull().Append("").Build();

        var written = TableFileWriter.Write(OutputFormat.Csv, dir.Path, "t", schema, [new RecordBatch(schema, [a, b], 2)]);

        Assert.Equal("a,b\n\"\",\n,\"\"\n", File.ReadAllText(written.File));
    }

    [Fact]
    public void Csv_EmptyTable_WritesHeaderOnly()
    {
        using var dir = new TempDirectory();
        var written = TableFileWriter.Write(OutputFormat.Csv, dir.Path, "empty", SampleTable.Schema, []);

        Assert.Equal(0, written.Rows);
        Assert.Equal("name,flag,small,big,score,seen_at,seen_ms,day,tags,scores\n", File.ReadAllText(written.File));
    }

    [Fact]
    public void Csv_HeaderNeedingQuotes_IsQuoted()
    {
        using var dir = new TempDirectory();
        var schema = new Schema.Builder().Field(new Field("a,b", Int32Type.Default, true)).Build();
        var column = new Int32Array.Builder().Append(7).Build();

        var written = TableFileWriter.Write(OutputFormat.Csv, dir.Path, "t", schema, [new RecordBatch(schema, [column], 1)]);

        Assert.Equal("\"a,b\"\n7\n", File.ReadAllText(written.File));
    }
}
