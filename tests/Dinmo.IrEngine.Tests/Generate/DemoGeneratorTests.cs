using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Generate;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Tests.Support;
using MatchType = Dinmo.IrEngine.Config.MatchType;

namespace Dinmo.IrEngine.Tests.Generate;

public sealed class DemoGeneratorTests(GeneratedDemoFixture fixture) : IClassFixture<GeneratedDemoFixture>
{
    private static readonly string[] Files =
        ["crm_contacts.csv", "shop_customers.parquet", "app_users.arrow", "ground_truth.csv", "demo.json"];

    [Fact]
    public void SameSeed_WritesByteIdenticalFiles()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        DemoGenerator.Write(first.Path, 300, 99);
        DemoGenerator.Write(second.Path, 300, 99);

        Assert.Equal(Files.Order(StringComparer.Ordinal), Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in Files)
            Assert.True(File.ReadAllBytes(first.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(second.File(file))), file);
    }

    [Fact]
    public void DifferentSeed_WritesDifferentData()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        DemoGenerator.Write(first.Path, 300, 1);
        DemoGenerator.Write(second.Path, 300, 2);

        foreach (var file in Files.Where(f => f != DemoGraph.FileName))
            Assert.False(File.ReadAllBytes(first.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(second.File(file))), file);
    }

    [Fact]
    public void Graph_LoadsAndMatchesTheInputSchemas()
    {
        var graph = IdentityGraphLoader.Load(fixture.Demo.GraphFile);
        IdentityGraphLoader.CheckInputSchemas(graph, SchemaOf(graph));

        Assert.Equal(["crm_contacts", "shop_customers", "app_users"], graph.Models.Select(m => m.Name));
        Assert.Equal(["email", "phone", "customer_id", "first_name", "last_name"], graph.Identifiers.Select(i => i.Name));
        Assert.Equal(["exact customer id", "exact email", "exact phone + last name", "same phone + similar last name"],
            graph.Rules.Select(r => r.Name));
        Assert.Equal([MatchType.Exact, MatchType.FuzzyStrong], graph.Rules[3].Criteria.Select(c => c.Match));
        Assert.Equal(["crm_contacts", "shop_customers", "app_users"], graph.Golden!.ModelPriority);
        Assert.Equal(OutputFormat.Arrow, graph.Outputs.Format);
    }

    [Fact]
    public void RowCounts_MatchGroundTruth()
    {
        var graph = IdentityGraphLoader.Load(fixture.Demo.GraphFile);
        var truth = GroundTruthRows();

        foreach (var model in graph.Models)
        {
            var keys = DemoTables.Column(model, graph.BaseDirectory, model.PrimaryKey);
            Assert.Equal(truth.Count(t => t.Model == model.Name), keys.Count);
            Assert.Equal(fixture.Demo.Models.Single(w => w.Table == model.Name).Rows, keys.Count);
        }
        Assert.Equal(fixture.Demo.GroundTruth.Rows, truth.Count);
        Assert.InRange(truth.Count, GeneratedDemoFixture.Persons, 3 * GeneratedDemoFixture.Persons);
    }

    [Fact]
    public void GroundTruth_CoversEveryRecordKey()
    {
        var graph = IdentityGraphLoader.Load(fixture.Demo.GraphFile);
        var truth = GroundTruthRows();

        foreach (var model in graph.Models)
        {
            var keys = DemoTables.Column(model, graph.BaseDirectory, model.PrimaryKey);
            // Same multiset in the same order: duplicated and null keys appear once per record in both.
            Assert.Equal(truth.Where(t => t.Model == model.Name).Select(t => t.Key), keys);
        }
        Assert.All(truth, t => Assert.Matches("^P[0-9]{6}$", t.Person));
        Assert.Equal(GeneratedDemoFixture.Persons, truth.Select(t => t.Person).Distinct().Count());
    }

    [Fact]
    public void Data_CarriesTheAdvertisedNoise()
    {
        var graph = IdentityGraphLoader.Load(fixture.Demo.GraphFile);
        var truth = GroundTruthRows();

        foreach (var model in graph.Models)
        {
            var keys = DemoTables.Column(model, graph.BaseDirectory, model.PrimaryKey);
            Assert.Single(keys, k => k is null);
            Assert.Single(keys.Where(k => k is not null).GroupBy(k => k), g => g.Count() > 1);
            // Within-model duplicates: one person, two records with different keys.
            Assert.Contains(truth.Where(t => t.Model == model.Name).GroupBy(t => t.Person), g => g.Select(t => t.Key).Distinct().Count() > 1);
        }
        var crm = graph.Models[0];
        var emails = DemoTables.Column(crm, graph.BaseDirectory, "email");
        Assert.Contains(emails, e => e is not null && e.Trim().Equals(NoiseModel.PlaceholderEmail, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(emails, e => e is not null && e.Contains('+'));
        Assert.Contains(emails, e => e is not null && e != e.Trim());
        Assert.Contains(DemoTables.Column(crm, graph.BaseDirectory, "mobile"), p => p == NoiseModel.PlaceholderPhone);
        Assert.Contains(DemoTables.Column(crm, graph.BaseDirectory, "last_name"), n => n is not null && n.Any(c => c > 0x7F));
    }

    /// <summary>Set to 1 to rewrite <c>data/demo</c> from the generator (after changing it on purpose), then commit the files.</summary>
    private const string RegenerateVariable = "IRENGINE_REGENERATE_DEMO";

    [Fact]
    public void CommittedDemo_IsWhatTheGeneratorWritesByDefault()
    {
        var committed = Path.Combine(RepositoryRoot(), "data", "demo");
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1") DemoGenerator.Write(committed);
        using var fresh = new TempDirectory();

        DemoGenerator.Write(fresh.Path);

        foreach (var file in Files)
            Assert.True(File.ReadAllBytes(Path.Combine(committed, file)).AsSpan().SequenceEqual(File.ReadAllBytes(fresh.File(file))),
                $"data/demo/{file} differs from DemoGenerator.Write(dir) with defaults; regenerate with {RegenerateVariable}=1");
    }

    private static Func<ModelConfig, Apache.Arrow.Schema> SchemaOf(IdentityGraph graph) => model =>
    {
        var sources = TableSources.Open(model, graph.BaseDirectory);
        try { return sources[0].Schema; }
        finally { foreach (var source in sources) source.Dispose(); }
    };

    private List<(string Model, string? Key, string Person)> GroundTruthRows()
    {
        var file = new SourceFile(Path.Combine(fixture.Directory, GroundTruth.TableName + ".csv"), InputFormat.Csv);
        var rows = new List<(string, string?, string)>();
        using var source = TableSources.OpenOne(file);
        foreach (var batch in source.ReadBatches())
        {
            using (batch)
            {
                var models = (Apache.Arrow.StringArray)batch.Column("model_name");
                var keys = (Apache.Arrow.StringArray)batch.Column("entity_key");
                var persons = (Apache.Arrow.StringArray)batch.Column("person_id");
                for (var i = 0; i < batch.Length; i++)
                    rows.Add((models.GetString(i), keys.IsNull(i) ? null : keys.GetString(i), persons.GetString(i)));
            }
        }
        return rows;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dinmo.IrEngine.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Dinmo.IrEngine.sln above " + AppContext.BaseDirectory);
    }
}
