using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Generate;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Generate;

public sealed class EventGeneratorTests
{
    private static readonly string[] Files =
        ["events.json", "ground_truth.parquet", "logins.parquet", "orders.parquet", "page_views.parquet", "sessions.parquet"];

    [Fact]
    public void SameSeed_WritesByteIdenticalFiles()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        EventGenerator.Write(first.Path, 5_000, 3);
        EventGenerator.Write(second.Path, 5_000, 3);

        Assert.Equal(Files, Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in Files)
            Assert.True(File.ReadAllBytes(first.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(second.File(file))), file);
    }

    [Fact]
    public void DifferentSeed_WritesDifferentEvents()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        EventGenerator.Write(first.Path, 5_000, 1);
        EventGenerator.Write(second.Path, 5_000, 2);

        Assert.False(File.ReadAllBytes(first.File("page_views.parquet")).AsSpan().SequenceEqual(File.ReadAllBytes(second.File("page_views.parquet"))));
    }

    [Fact]
    public void Config_LoadsAndMatchesTheTables_GroundTruthCoversEveryEvent()
    {
        using var dir = new TempDirectory();
        var generated = EventGenerator.Write(dir.Path, 10_001, 5);

        var config = EventGraphLoader.Load(generated.ConfigFile);
        Assert.Equal(["page_views", "sessions", "logins", "orders"], config.Models.Select(m => m.Name));
        Assert.Equal(["user_id", "email", "anonymous_id", "device_id"], config.Identifiers.Select(i => i.Name));
        Assert.Equal(10_001, generated.Events);

        var truth = DemoTables.Column(EventModel(config, "event_key", "ground_truth.parquet"), dir.Path, "event_key");
        var truthModels = DemoTables.Column(EventModel(config, "event_key", "ground_truth.parquet"), dir.Path, "model_name");
        Assert.Equal(10_001, truth.Count);
        foreach (var model in config.Models)
        {
            var keys = DemoTables.Column(model.AsReaderModel(), config.BaseDirectory, model.PrimaryKey);
            Assert.Equal(generated.Tables.Single(t => t.Model == model.Name).Rows, keys.Count);
            Assert.Equal(keys, truth.Where((_, i) => truthModels[i] == model.Name));
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }
    }

    [Fact]
    public void Stitching_KeepsEventsOfOnePersonTogetherMostly()
    {
        using var dir = new TempDirectory();
        var generated = EventGenerator.Write(dir.Path, 20_000, 11);
        var output = Path.Combine(dir.Path, "out");

        var run = CliRunner.Run(["stitch", generated.ConfigFile, "--out", output, "--format", "csv"]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.InRange(run.Summary.GetProperty("stitch_rate").GetDouble(), 0.99, 1.0);
        Assert.True(run.Summary.GetProperty("values_quarantined").GetInt64() > 0, "kiosk devices are quarantined");
        Assert.True(run.Summary.GetProperty("excluded").GetProperty("all_values_blocked").GetInt64() > 0, "the all-zero device is blocked");
        // Fewer live profiles than persons × devices: logins and orders join a person's devices.
        Assert.InRange(run.Summary.GetProperty("profiles_live").GetInt64(), 1, 3 * generated.Persons);
    }

    private static ModelConfig EventModel(EventGraph config, string key, string path) => new()
    {
        Name = "ground_truth", Path = path, PrimaryKey = key, OrderField = "event_timestamp", Identifiers = config.Models[0].Identifiers,
    };
}
