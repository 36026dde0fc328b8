using System.IO.Compression;
using System.Text;
using Apache.Arrow;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Ingest;

public class CsvSourceTests
{
    [Fact]
    public void Csv_QuotedEmptyIsEmptyString_UnquotedEmptyIsNull()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("t.csv"), "a,b,c\n,\"\",x\n\"\",,\"\"\n");

        var batch = Assert.Single(Read(dir.File("t.csv")));

        var a = (StringArray)batch.Column(0);
        var b = (StringArray)batch.Column(1);
        Assert.True(a.IsNull(0));
        Assert.Equal("", a.GetString(1));
        Assert.False(a.IsNull(1));
        Assert.Equal("", b.GetString(0));
        Assert.False(b.IsNull(0));
        Assert.True(b.IsNull(1));
    }

    [Fact]
    public void Csv_Utf8BomAndMultiByteText_ReadAsUtf8()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("t.csv"), "nom,ville\n\"Zoë, \"\"Z\"\"\",東京\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        using var source = TableSources.OpenOne(new SourceFile(dir.File("t.csv"), Dinmo.IrEngine.Config.InputFormat.Csv));
        var batch = Assert.Single(source.ReadBatches());

        Assert.Equal(["nom", "ville"], source.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal("Zoë, \"Z\"", ((StringArray)batch.Column(0)).GetString(0));
        Assert.Equal("東京", ((StringArray)batch.Column(1)).GetString(0));
    }

    [Fact]
    public void Csv_InvalidUtf8_NamesFileColumnAndRow()
    {
        using var dir = new TempDirectory();
        var file = dir.File("bad.csv");
        File.WriteAllBytes(file, [.. "id,email\n1,a@x.io\n2,b"u8, 0xC3, 0x28, .. "@x.io\n"u8]);

        var error = Assert.Throws<InputException>(() => Read(file));

        Assert.Contains($"file {file}", error.Message);
        Assert.Contains("column email", error.Message);
        Assert.Contains("row 2", error.Message);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void Csv_RaggedRow_NamesFileAndRow()
    {
        using var dir = new TempDirectory();
        var file = dir.File("ragged.csv");
        File.WriteAllText(file, "a,b\n1,2\n3\n");

        var error = Assert.Throws<InputException>(() => Read(file));

        Assert.Contains($"file {file}", error.Message);
        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public void CsvGz_IsDecompressed()
    {
        using var dir = new TempDirectory();
        var file = dir.File("t.csv.gz");
        WriteGzip(file, "a,b\n1,\n,\"\"\n"u8.ToArray());

        var batch = Assert.Single(Read(file));

        Assert.Equal("1", ((StringArray)batch.Column(0)).GetString(0));
        Assert.True(batch.Column(1).IsNull(0));
        Assert.Equal("", ((StringArray)batch.Column(1)).GetString(1));
    }

    [Fact]
    public void CsvGz_Truncated_ThrowsInputExceptionNamingFileAndRow()
    {
        using var dir = new TempDirectory();
        var file = dir.File("t.csv.gz");
        var text = "id,value\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},{i * 7919 % 100_003}\n"));
        WriteGzip(file, Encoding.UTF8.GetBytes(text));
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InputException>(() => Read(file));

        Assert.Contains($"file {file}", error.Message);
        Assert.Contains("row ", error.Message);
    }

    [Fact]
    public void Csv_EmptyFile_ThrowsInputException()
    {
        using var dir = new TempDirectory();
        var file = dir.File("empty.csv");
        File.WriteAllText(file, "");

        var error = Assert.Throws<InputException>(() => Read(file));

        Assert.Contains("header", error.Message);
    }

    [Fact]
    public void Csv_HeaderOnly_HasSchemaAndNoRows()
    {
        using var dir = new TempDirectory();
        var file = dir.File("h.csv");
        File.WriteAllText(file, "a,b\n");

        using var source = TableSources.OpenOne(new SourceFile(file, Dinmo.IrEngine.Config.InputFormat.Csv));

        Assert.Equal(["a", "b"], source.Schema.FieldsList.Select(f => f.Name));
        Assert.Empty(source.ReadBatches());
    }

    private static List<RecordBatch> Read(string file)
    {
        using var source = TableSources.OpenOne(new SourceFile(file, Dinmo.IrEngine.Config.InputFormat.Csv));
        return source.ReadBatches().ToList();
    }

    private static void WriteGzip(string file, byte[] content)
    {
        using var stream = File.Create(file);
        using var gzip = new GZipStream(stream, CompressionLevel.Optimal);
        gzip.Write(content);
    }
}
