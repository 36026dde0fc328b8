using Dinmo.IrEngine.Tests.Support;
using Xunit.Abstractions;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>
/// The committed demo (data/demo) through the real CLI: the golden and unresolved tables equal the
/// committed expected outputs byte for byte, and the resolution meets its quality against ground truth.
/// Regenerate the expected files after an intended change with IRENGINE_REGENERATE_EXPECTED=1.
/// </summary>
public sealed class DemoTests(ITestOutputHelper output)
{
    private static readonly string[] ExpectedTables = ["identity_golden.csv", "identity_unresolved_records.csv"];

    [Fact]
    public void Demo_MatchesCommittedExpectedOutputs_AndGroundTruth()
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run("resolve", RepositoryPaths.Data("demo", "demo.json"), "--out", dir.Path, "--format", "csv", "--run-id", "demo");
        Assert.True(run.ExitCode == 0, run.StdErr);
        foreach (var table in ExpectedTables)
        {
            var expected = RepositoryPaths.Data("demo", "expected", table);
            var actual = Path.Combine(dir.Path, table);
            if (Environment.GetEnvironmentVariable("IRENGINE_REGENERATE_EXPECTED") == "1") File.Copy(actual, expected, overwrite: true);
            Assert.True(File.ReadAllBytes(expected).SequenceEqual(File.ReadAllBytes(actual)), $"{table} differs from data/demo/expected/{table}");
        }

        var truth = CsvText.ReadTable(RepositoryPaths.Data("demo", "ground_truth.csv"))
            .GroupBy(r => $"{r["model_name"]}/{r["entity_key"]}").ToDictionary(g => g.Key, g => g.First()["person_id"]!);
        var records = CsvText.ReadTable(Path.Combine(dir.Path, "identity_match.csv"))
            .Select(r => ($"{r["model_name"]}/{r["entity_key"]}", r["dinmo_id"], truth[$"{r["model_name"]}/{r["entity_key"]}"])).ToList();
        var quality = PairwiseQuality.Of(records);
        output.WriteLine($"demo: {quality}");
        Assert.True(quality.Precision >= 0.98, quality.ToString());
        Assert.True(quality.Recall >= 0.90, quality.ToString());
    }
}
