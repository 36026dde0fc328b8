using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Generate;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Generate;

public sealed class ScaleGeneratorTests(GeneratedScaleFixture fixture) : IClassFixture<GeneratedScaleFixture>
{
    private static readonly string[] Models = ["crm_contacts", "shop_customers", "app_users"];

    [Theory]
    [InlineData(OutputFormat.Parquet, ".parquet")]
    [InlineData(OutputFormat.Arrow, ".arrow")]
    public void SameSeed_WritesByteIdenticalFiles(OutputFormat format, string extension)
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        ScaleGenerator.Write(first.Path, 5_000, format, 99);
        ScaleGenerator.Write(second.Path, 5_000, format, 99);

        string[] files = [.. Models.Append(GroundTruth.TableName).Select(m => m + extension), DemoGraph.ScaleFileName];
        Assert.Equal(files.Order(StringComparer.Ordinal), Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(first.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(second.File(file))), file);
    }

    [Fact]
    public void DifferentSeed_WritesDifferentData()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        ScaleGenerator.Write(first.Path, 5_000, OutputFormat.Parquet, 1);
        ScaleGenerator.Write(second.Path, 5_000, OutputFormat.Parquet, 2);

        Assert.False(File.ReadAllBytes(first.File("crm_contacts.parquet")).AsSpan().SequenceEqual(File.ReadAllBytes(second.File("crm_contacts.parquet"))));
    }

    [Fact]
    public void RecordCount_IsAboutTheRequestedOne()
    {
        Assert.InRange(fixture.Scale.Records, GeneratedScaleFixture.Records * 97 / 100, GeneratedScaleFixture.Records * 103 / 100);
        Assert.Equal(fixture.Scale.Records, fixture.Scale.Models.Sum(m => m.Rows));
    }

    [Fact]
    public void GroundTruth_CoversEveryRecordKey_InFileOrder()
    {
        var graph = IdentityGraphLoader.Load(fixture.Scale.GraphFile);
        var truth = GroundTruthRows(fixture.Directory);

        Assert.Equal(Models, graph.Models.Select(m => m.Name));
        foreach (var model in graph.Models)
        {
            var keys = DemoTables.Column(model, graph.BaseDirectory, model.PrimaryKey);
            Assert.Equal(fixture.Scale.Models.Single(w => w.Table == model.Name).Rows, keys.Count);
            Assert.Equal(truth.Where(t => t.Model == model.Name).Select(t => t.Key), keys);
        }
        Assert.Equal(fixture.Scale.Records, truth.Count);
        Assert.All(truth, t => Assert.Matches("^P[0-9]{9}$", t.Person));
        Assert.Equal(fixture.Scale.Persons, truth.Select(t => t.Person).Distinct().Count());
    }

    [Fact]
    public void FirstChunk_DoesNotDependOnLaterChunks()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        var oneChunk = (long)Math.Round(ScaleGenerator.ChunkPersons * ScaleGenerator.RecordsPerPerson);

        var small = ScaleGenerator.Write(one.Path, oneChunk, OutputFormat.Arrow, 5);
        ScaleGenerator.Write(two.Path, oneChunk + 2_000, OutputFormat.Arrow, 5);

        Assert.Equal(ScaleGenerator.ChunkPersons, small.Persons);
        var first = GroundTruthRows(one.Path);
        var second = GroundTruthRows(two.Path);
        Assert.True(second.Count > first.Count);
        // Ground truth is written chunk by chunk, so a one-chunk run is a prefix of a longer one.
        Assert.Equal(first, second.Take(first.Count));
    }

    [Fact]
    public void Persons_HaveUniqueEmailsAndCustomerIds_AndShareAPhoneOnlyInAHousehold()
    {
        var persons = new ScalePersonFactory(new SeededRandom(3)).Create(firstIndex: 12_345_678, count: 20_000);

        Assert.Equal(persons.Count, persons.Select(p => p.Email).Distinct().Count());
        Assert.Equal(persons.Count, persons.Select(p => p.CustomerId).Distinct().Count());
        var shared = persons.GroupBy(p => p.PhoneDigits).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, g =>
        {
            Assert.InRange(g.Count(), 2, 3);
            Assert.Single(g.Select(p => p.LastName).Distinct());
        });
    }

    [Fact]
    public void Graph_Validates_AndResolveFindsConflictsAndBlocksPlaceholders()
    {
        using var output = new TempDirectory();

        var validate = CliRunner.Run("validate", fixture.Scale.GraphFile);
        var run = CliRunner.Run("resolve", fixture.Scale.GraphFile, "--out", output.Path, "--format", "csv");

        Assert.True(validate.ExitCode == 0, validate.StdErr);
        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = run.Summary;
        Assert.Equal(fixture.Scale.Records, summary.GetProperty("records").GetInt64());
        Assert.True(summary.GetProperty("conflict_records").GetInt64() > 0, "households sharing a phone break the customer id limit");
        Assert.InRange(summary.GetProperty("resolution_rate").GetDouble(), 0.9, 1.0);
        var shared = summary.GetProperty("most_shared_values");
        Assert.Contains(shared.GetProperty("email").EnumerateArray(),
            v => v.GetProperty("value").GetString() == NoiseModel.PlaceholderEmail && v.GetProperty("block_reason").GetString() == "blocked_value");
        Assert.Contains(shared.GetProperty("phone").EnumerateArray(),
            v => v.GetProperty("value").GetString() == NoiseModel.PlaceholderPhone && v.GetProperty("block_reason").GetString() == "blocked_pattern");
    }

    [Fact]
    public void Cli_WritesArrowTablesAndAGraphPointingAtThem()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("generate", "--scale", dir.Path, "--records", "3000", "--format", "arrow", "--seed", "4");
        var validate = CliRunner.Run("validate", dir.File(DemoGraph.ScaleFileName));

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.InRange(run.Summary.GetProperty("records").GetInt64(), 2_700, 3_300);
        Assert.True(validate.ExitCode == 0, validate.StdErr);
        Assert.All(Models, m => Assert.True(File.Exists(dir.File(m + ".arrow")), m));
    }

    [Fact]
    public void Cli_RejectsTwoFolders()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("generate", "--scale", dir.Path, "--demo", dir.Path);

        Assert.Equal(2, run.ExitCode);
    }

    private static List<(string Model, string? Key, string Person)> GroundTruthRows(string directory)
    {
        var path = Directory.GetFiles(directory, GroundTruth.TableName + ".*").Single();
        var format = path.EndsWith(".parquet", StringComparison.Ordinal) ? InputFormat.Parquet : InputFormat.ArrowFile;
        var rows = new List<(string, string?, string)>();
        using var source = TableSources.OpenOne(new SourceFile(path, format));
        foreach (var batch in source.ReadBatches())
        {
            using (batch)
            {
                var models = (StringArray)batch.Column("model_name");
                var keys = (StringArray)batch.Column("entity_key");
                var persons = (StringArray)batch.Column("person_id");
                for (var i = 0; i < batch.Length; i++)
                    rows.Add((models.GetString(i), keys.IsNull(i) ? null : keys.GetString(i), persons.GetString(i)));
            }
        }
        return rows;
    }
}
