using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Tests.Support;
using static Dinmo.IrEngine.Tests.Ingest.RoundTripTests;

namespace Dinmo.IrEngine.Tests.Ingest;

public class TableSourcesTests
{
    [Fact]
    public void Glob_MatchesFilesSortedOrdinally()
    {
        using var dir = new TempDirectory();
        foreach (var name in new[] { "shop/b.arrow", "shop/a.arrow", "shop/B.arrow", "shop/notes.txt", "other/c.arrow" })
            WriteIds(dir, name);

        var sources = TableSources.Open(Model("shop/*.arrow"), dir.Path);
        try
        {
            Assert.Equal(["B.arrow", "a.arrow", "b.arrow"], sources.Select(s => Path.GetFileName(s.File)));
        }
        finally { foreach (var s in sources) s.Dispose(); }
    }

    [Fact]
    public void DoubleStarGlob_MatchesNestedDirectories()
    {
        using var dir = new TempDirectory();
        foreach (var name in new[] { "data/x.csv", "data/2024/y.csv", "data/2024/05/z.csv", "data/2024/w.arrow" })
            File.WriteAllText(dir.File(name), "id\n1\n");

        var sources = TableSources.Open(Model("data/**/*.csv"), dir.Path);
        try
        {
            Assert.Equal(["z.csv", "y.csv", "x.csv"], sources.Select(s => Path.GetFileName(s.File)));
        }
        finally { foreach (var s in sources) s.Dispose(); }
    }

    [Fact]
    public void Directory_ReadsEveryInputFileSorted()
    {
        using var dir = new TempDirectory();
        foreach (var name in new[] { "in/2.csv", "in/1.csv.gz", "in/readme.md", "in/10.csv" })
            File.WriteAllText(dir.File(name), "id\n1\n");
        File.Delete(dir.File("in/1.csv.gz"));
        using (var gz = new System.IO.Compression.GZipStream(File.Create(dir.File("in/1.csv.gz")), System.IO.Compression.CompressionLevel.Fastest))
            gz.Write("id\n1\n"u8);

        var sources = TableSources.Open(Model("in"), dir.Path);
        try
        {
            Assert.Equal(["1.csv.gz", "10.csv", "2.csv"], sources.Select(s => Path.GetFileName(s.File)));
        }
        finally { foreach (var s in sources) s.Dispose(); }
    }

    [Fact]
    public void ExplicitFormat_OverridesExtension()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("export.txt"), "id\n1\n");

        using var source = Assert.Single(TableSources.Open(Model("export.txt", InputFormat.Csv), dir.Path));

        Assert.Equal("id", source.Schema.FieldsList[0].Name);
    }

    [Fact]
    public void NoFileMatches_ThrowsInputExceptionNamingModelAndPath()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<InputException>(() => TableSources.Open(Model("shop/*.parquet"), dir.Path));

        Assert.Contains("model shop", error.Message);
        Assert.Contains("shop/*.parquet", error.Message);
        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
    }

    [Fact]
    public void SchemaMismatch_NamesBothFilesAndColumn()
    {
        using var dir = new TempDirectory();
        WriteIds(dir, "shop/a.arrow");
        var schema = new Schema.Builder().Field(new Field("id", Int64Type.Default, true)).Build();
        TableFileWriter.Write(OutputFormat.Arrow, dir.File("shop"), "b", schema,
            [new RecordBatch(schema, [new Int64Array.Builder().Append(1).Build()], 1)]);

        var error = Assert.Throws<InputException>(() => TableSources.Open(Model("shop/*.arrow"), dir.Path));

        Assert.Contains("a.arrow", error.Message);
        Assert.Contains("b.arrow", error.Message);
        Assert.Contains("column id", error.Message);
        Assert.Contains("model shop", error.Message);
    }

    [Fact]
    public void CsvFilesWithDifferentHeaders_NameTheDifferingColumn()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in/1.csv"), "id,email\n1,a\n");
        File.WriteAllText(dir.File("in/2.csv"), "id,phone\n1,a\n");

        var error = Assert.Throws<InputException>(() => TableSources.Open(Model("in"), dir.Path));

        Assert.Contains("'email'", error.Message);
        Assert.Contains("'phone'", error.Message);
        Assert.Contains("1.csv", error.Message);
        Assert.Contains("2.csv", error.Message);
    }

    [Theory]
    [InlineData(OutputFormat.Arrow)]
    [InlineData(OutputFormat.Parquet)]
    public void TruncatedFile_ThrowsInputExceptionNamingFile(OutputFormat format)
    {
        using var dir = new TempDirectory();
        var written = TableFileWriter.Write(format, dir.Path, "t", SampleTable.Schema, [SampleTable.Batch(), SampleTable.Batch()]);
        var bytes = File.ReadAllBytes(written.File);
        File.WriteAllBytes(written.File, bytes[..(bytes.Length * 2 / 3)]);

        var error = Assert.Throws<InputException>(() =>
        {
            foreach (var source in TableSources.Open(Model(Path.GetFileName(written.File)), dir.Path))
                using (source) source.ReadBatches().ToList();
        });

        Assert.Contains(written.File, error.Message);
        Assert.Contains("model shop", error.Message);
    }

    [Fact]
    public void GarbageParquet_ThrowsInputException()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("g.parquet"), [.. "PAR1"u8, .. new byte[100], .. "PAR1"u8]);

        var error = Assert.Throws<InputException>(() => TableSources.Open(Model("g.parquet"), dir.Path));

        Assert.Contains("g.parquet", error.Message);
    }

    private static void WriteIds(TempDirectory dir, string relative)
    {
        var schema = new Schema.Builder().Field(new Field("id", StringType.Default, true)).Build();
        var file = dir.File(relative);
        if (!relative.EndsWith(".arrow", StringComparison.Ordinal)) { File.WriteAllText(file, "x"); return; }
        TableFileWriter.Write(OutputFormat.Arrow, Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file), schema,
            [new RecordBatch(schema, [new StringArray.Builder().Append("1").Build()], 1)]);
    }
}
