using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Output;

public class TableFileWriterTests
{
    [Theory]
    [InlineData(OutputFormat.Arrow, ".arrow")]
    [InlineData(OutputFormat.Parquet, ".parquet")]
    [InlineData(OutputFormat.Csv, ".csv")]
    public void Write_FileNamedAfterTable(OutputFormat format, string extension)
    {
        using var dir = new TempDirectory();
        var written = TableFileWriter.Write(format, dir.Path, "identity_golden", SampleTable.Schema, [SampleTable.Batch()]);

        Assert.Equal(new WrittenTable("identity_golden", Path.Combine(dir.Path, "identity_golden" + extension), 5), written);
        Assert.True(File.Exists(written.File));
    }

    [Theory]
    [InlineData(OutputFormat.Arrow)]
    [InlineData(OutputFormat.Parquet)]
    [InlineData(OutputFormat.Csv)]
    public void RepeatWrites_AreByteIdentical(OutputFormat format)
    {
        using var dir = new TempDirectory();
        var first = TableFileWriter.Write(format, Path.Combine(dir.Path, "1"), "t", SampleTable.Schema, [SampleTable.Batch(), SampleTable.Batch()]);
        var second = TableFileWriter.Write(format, Path.Combine(dir.Path, "2"), "t", SampleTable.Schema, [SampleTable.Batch(), SampleTable.Batch()]);

        Assert.Equal(File.ReadAllBytes(first.File), File.ReadAllBytes(second.File));
    }

    [Theory]
    [InlineData(OutputFormat.Arrow, InputFormat.ArrowFile)]
    [InlineData(OutputFormat.Parquet, InputFormat.Parquet)]
    public void EmptyTable_KeepsSchema(OutputFormat format, InputFormat readAs)
    {
        using var dir = new TempDirectory();
        var written = TableFileWriter.Write(format, dir.Path, "empty", SampleTable.Schema, []);

        using var source = TableSources.OpenOne(new SourceFile(written.File, readAs));
        Assert.Equal(SampleTable.Schema.FieldsList.Select(f => f.Name), source.Schema.FieldsList.Select(f => f.Name));
        for (var i = 0; i < SampleTable.Schema.FieldsList.Count; i++)
            Assert.True(SchemaMatch.SameType(SampleTable.Schema.FieldsList[i].DataType, source.Schema.FieldsList[i].DataType),
                SampleTable.Schema.FieldsList[i].Name);
        Assert.Equal(0, source.ReadBatches().Sum(b => b.Length));
    }

    [Theory]
    [InlineData(OutputFormat.Arrow)]
    [InlineData(OutputFormat.Parquet)]
    [InlineData(OutputFormat.Csv)]
    public void Write_DirectoryIsAFile_ThrowsOutputExceptionNamingFile(OutputFormat format)
    {
        using var dir = new TempDirectory();
        var blocker = dir.File("blocker");
        File.WriteAllText(blocker, "not a directory");

        var error = Assert.Throws<OutputException>(() =>
            TableFileWriter.Write(format, blocker, "t", SampleTable.Schema, [SampleTable.Batch()]));

        Assert.Contains(Path.Combine(blocker, "t"), error.Message);
        Assert.Equal(ExitCodes.OutputFailure, error.ExitCode);
    }
}
