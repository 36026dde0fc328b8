using Dinmo.IrEngine.Tests.Support;
using Xunit.Abstractions;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>
/// Match quality on external data with ground truth, through the real CLI and the documented graphs in
/// <c>data/quality/</c>: FEBRL <c>dataset3</c> (5,000 records; <c>rec-&lt;n&gt;-…</c> = same person) and
/// Splink <c>fake_1000</c> (column <c>cluster</c>). Pairwise precision and recall are printed and bounded.
/// </summary>
public sealed class MatchQualityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("febrl3-exact.json", 0.99, 0.88)]
    [InlineData("febrl3-fuzzy.json", 0.99, 0.93)]
    public void Febrl_Dataset3_IsPreciseAndFindsMostDuplicates(string graph, double minPrecision, double minRecall)
    {
        RepositoryPaths.SharedData("febrl", "dataset3.csv");
        var quality = Run(graph, key => key.Split('-')[1]);
        Assert.Equal(5000, quality.Records);
        Assert.True(quality.Precision >= minPrecision, quality.ToString());
        Assert.True(quality.Recall >= minRecall, quality.ToString());
    }

    [Fact]
    public void SplinkFake1000_AnchoredFuzzyRules_MeetTheirDocumentedQuality()
    {
        var truth = CsvText.ReadTable(RepositoryPaths.SharedData("splink_fake_1000", "fake_1000.csv"))
            .ToDictionary(r => r["unique_id"]!, r => r["cluster"]!);
        var quality = Run("splink-fake-1000-fuzzy.json", key => truth[key]);
        Assert.Equal(1000, quality.Records);
        Assert.True(quality.Precision >= 0.94, quality.ToString());
        Assert.True(quality.Recall >= 0.62, quality.ToString());
    }

    private PairwiseQuality Run(string graph, Func<string, string> entityOf)
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run("resolve", RepositoryPaths.Data("quality", graph), "--out", dir.Path, "--format", "csv");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var quality = PairwiseQuality.Of(Path.Combine(dir.Path, "identity_match.csv"), entityOf);
        output.WriteLine($"{graph}: {quality} (Jaro-Winkler path {run.Summary.GetProperty("jaro_winkler_path").GetString()})");
        return quality;
    }
}
