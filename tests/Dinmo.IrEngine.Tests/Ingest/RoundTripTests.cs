using Apache.Arrow;
using Apache.Arrow.Ipc;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Ingest;

public class RoundTripTests
{
    [Theory]
    [InlineData(OutputFormat.Arrow)]
    [InlineData(OutputFormat.Parquet)]
    public void ArrowAndParquet_WriteThenRead_SameValuesAndTypes(OutputFormat format)
    {
        using var dir = new TempDirectory();
        TableFileWriter.Write(format, dir.Path, "sample", SampleTable.Schema, [SampleTable.Batch(), SampleTable.Batch()]);

        var sources = TableSources.Open(Model("sample" + TableFileWriter.Extension(format)), dir.Path);
        using var source = Assert.Single(sources);

        Assert.Equal(SampleTable.Csv + SampleTable.Csv[(SampleTable.Csv.IndexOf('\n') + 1)..], TableText.Csv(source));
        for (var i = 0; i < SampleTable.Schema.FieldsList.Count; i++)
            Assert.True(SchemaMatch.SameType(SampleTable.Schema.FieldsList[i].DataType, source.Schema.FieldsList[i].DataType));
    }

    [Fact]
    public void Csv_WriteThenRead_SameTextNullsAndEmpties()
    {
        using var dir = new TempDirectory();
        TableFileWriter.Write(OutputFormat.Csv, dir.Path, "sample", SampleTable.Schema, [SampleTable.Batch()]);

        using var source = Assert.Single(TableSources.Open(Model("sample.csv"), dir.Path));

        Assert.All(source.Schema.FieldsList, f => Assert.IsType<Apache.Arrow.Types.StringType>(f.DataType));
        Assert.Equal(SampleTable.Csv, TableText.Csv(source));
    }

    [Fact]
    public void ArrowStream_File_IsRead()
    {
        using var dir = new TempDirectory();
        using (var stream = File.Create(dir.File("s.arrows")))
        using (var writer = new ArrowStreamWriter(stream, SampleTable.Schema))
        {
            writer.WriteRecordBatch(SampleTable.Batch());
            writer.WriteEnd();
        }

        using var source = Assert.Single(TableSources.Open(Model("s.arrows"), dir.Path));

        Assert.Equal(SampleTable.Csv, TableText.Csv(source));
    }

    [Fact]
    public void Csv_MoreRowsThanOneBatch_SplitsIntoBatches()
    {
        using var dir = new TempDirectory();
        var lines = Enumerable.Range(0, 70_000).Select(i => $"{i},v{i}");
        File.WriteAllText(dir.File("big.csv"), "id,value\n" + string.Join("\n", lines) + "\n");

        using var source = Assert.Single(TableSources.Open(Model("big.csv"), dir.Path));
        var batches = source.ReadBatches().ToList();

        Assert.Equal(70_000, batches.Sum(b => b.Length));
        Assert.True(batches.Count > 1);
        var last = (StringArray)batches[^1].Column(1);
        Assert.Equal("v69999", last.GetString(last.Length - 1));
    }

    internal static ModelConfig Model(string path, InputFormat? format = null) =>
        new() { Name = "shop", Path = path, Format = format, PrimaryKey = "id", OrderField = "updated_at" };
}
