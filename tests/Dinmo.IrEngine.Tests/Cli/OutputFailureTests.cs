using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>
/// SPEC §8: an output or IO failure exits 4 with one clear line on stderr and a failed summary on
/// stdout, and writes nothing in place of what is already there. Paths blocked by a regular file are
/// used rather than read-only folders, because tests may run as root, whom permissions do not stop.
/// </summary>
public sealed class OutputFailureTests
{
    private const string Graph = """
        {
          "project": "outputs",
          "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": ["email"] } } ],
          "identifiers": [ { "name": "email" } ],
          "rules": [ { "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] } ]
        }
        """;

    private const string People = "id,email,updated\na,x@y.com,2024-01-01\nb,x@y.com,2024-01-02\n";

    [Fact]
    public void OutputParentIsARegularFile_ExitFour_NamingTheFileInTheWay()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph).File("exports", "not a folder\n");
        var blocker = Path.Combine(s.Folder, "exports");

        var run = CliRunner.Run("resolve", s.GraphPath, "--out", Path.Combine(blocker, "customers"), "--format", "csv");

        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.StdErr.Split('\n'), l => l.StartsWith("irengine: error:", StringComparison.Ordinal));
        Assert.Contains($"{blocker} is a file, not a directory", line);
        Assert.Equal("failed", run.Summary.GetProperty("status").GetString());
        Assert.Equal(4, run.Summary.GetProperty("exit_code").GetInt32());
        Assert.Equal("not a folder\n", File.ReadAllText(blocker));
    }

    [Fact]
    public void OutputPathIsAnExistingFile_ExitFour_AndTheFileIsKept()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph).File("customers.csv", "keep me\n");
        var existing = Path.Combine(s.Folder, "customers.csv");

        var run = CliRunner.Run("resolve", s.GraphPath, "--out", existing, "--format", "csv");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains($"the output path {existing} is an existing file", run.StdErr);
        Assert.Equal("failed", run.Summary.GetProperty("status").GetString());
        Assert.False(new FileInfo(existing).LinkTarget is not null, "the file was replaced by a link to a run folder");
        Assert.Equal("keep me\n", File.ReadAllText(existing));
    }
}
