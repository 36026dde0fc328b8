using Dinmo.IrEngine.Tests.Support;
using Xunit.Abstractions;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>
/// Match quality on FEBRL <c>dataset3</c> (5,000 records; <c>rec-&lt;n&gt;-…</c> = same person) with the
/// documented exact rule set in <c>data/quality/febrl3-exact.json</c>: pairwise precision and recall.
/// </summary>
public sealed class FebrlQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Dataset3_ExactRules_ArePreciseAndFindMostDuplicates()
    {
        RepositoryPaths.SharedData("febrl", "dataset3.csv");
        using var dir = new TempDirectory();
        var run = CliRunner.Run("resolve", RepositoryPaths.Data("quality", "febrl3-exact.json"), "--out", dir.Path, "--format", "csv");
        Assert.Equal(0, run.ExitCode);

        var quality = PairwiseQuality.Of(Path.Combine(dir.Path, "identity_match.csv"), key => key.Split('-')[1]);
        output.WriteLine($"FEBRL dataset3, exact rules: {quality}");
        Assert.Equal(5000, quality.Records);
        Assert.True(quality.Precision >= 0.99, quality.ToString());
        Assert.True(quality.Recall >= 0.88, quality.ToString());
    }
}
