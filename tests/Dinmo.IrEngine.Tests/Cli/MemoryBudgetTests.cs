using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary><c>--max-memory</c>: a run over budget stops with exit code 5, names the stage and the amounts, and publishes nothing.</summary>
public sealed class MemoryBudgetTests
{
    [Fact]
    public void RunOverBudget_ExitsFive_NamingStageAndAmount_AndLeavesPreviousOutputs()
    {
        using var dir = new TempDirectory();
        var output = dir.File("out");
        var demo = RepositoryPaths.Data("demo", "demo.json");
        Assert.Equal(0, CliRunner.Run("resolve", demo, "--out", output).ExitCode);
        var before = ResolveScenario.TreeHashes(output);

        var run = CliRunner.Run("resolve", demo, "--out", output, "--max-memory", "40MB");

        Assert.Equal(5, run.ExitCode);
        // Either the watchdog's sample or the capped GC heap stops the run first; both name stage and budget.
        Assert.Matches(@"memory budget exceeded in stage '[a-z_]+': ([0-9.]+ MiB > 40\.0 MiB|an allocation would take the managed heap past 40\.0 MiB) \(--max-memory\)", run.StdErr);
        Assert.Equal(before, ResolveScenario.TreeHashes(output));
    }

    [Fact]
    public void GenerousBudget_RunsAndReportsPeakMemory()
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run("resolve", RepositoryPaths.Data("demo", "demo.json"), "--out", dir.File("out"), "--max-memory", "6GiB");
        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Summary.GetProperty("peak_memory_bytes").GetInt64() > 0);
    }
}
