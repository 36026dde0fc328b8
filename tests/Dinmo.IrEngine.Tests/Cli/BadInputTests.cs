using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>SPEC §10: bad config and bad input give the documented exit codes and clear messages, and never touch previous outputs.</summary>
public sealed class BadInputTests
{
    private const string Graph = """
        {
          "project": "bad",
          "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": ["email"] } } ],
          "identifiers": [ { "name": "email" } ],
          "rules": [ { "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] } ]
        }
        """;

    private const string People = "id,email,updated\na,x@y.com,2024-01-01\nb,x@y.com,2024-01-02\n";

    [Fact]
    public void UnknownKeyAndUnanchoredFuzzyRule_ExitTwo_ListingEveryErrorWithLocation()
    {
        var graph = Graph.Replace("\"order_field\"", "\"order_feild\"")
            .Replace("""{ "identifiers": ["email"], "match": "exact" }""", """{ "identifiers": ["email"], "match": "fuzzy_strong" }""");
        using var s = new ResolveScenario().File("people.csv", People).Graph(graph);
        var validate = CliRunner.Run("validate", s.GraphPath);
        Assert.Equal(2, validate.ExitCode);
        Assert.Contains("order_feild", validate.StdErr);
        Assert.Contains("did you mean 'order_field'", validate.StdErr);
        Assert.Matches(@"graph\.json:\d+:\d+", validate.StdErr);
        Assert.False(Directory.Exists(s.OutputFolder));
        Assert.Equal(2, s.Resolve().ExitCode);
    }

    [Fact]
    public void FuzzyRuleWithoutExactAnchor_IsRejectedNamingTheRule()
    {
        var graph = Graph.Replace("""{ "identifiers": ["email"], "match": "exact" }""", """{ "identifiers": ["email"], "match": "fuzzy_strong" }""");
        using var s = new ResolveScenario().File("people.csv", People).Graph(graph);
        var validate = CliRunner.Run("validate", s.GraphPath);
        Assert.Equal(2, validate.ExitCode);
        Assert.Contains("'email'", validate.StdErr);
        Assert.Contains("rules[0]", validate.StdErr);
    }

    [Fact]
    public void MissingInputFile_ExitThree_NamingModel()
    {
        using var s = new ResolveScenario().Graph(Graph);
        var run = s.Resolve();
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("people", run.StdErr);
        Assert.Equal("failed", run.Summary.GetProperty("status").GetString());
    }

    [Fact]
    public void ColumnNotInSchema_ExitThree_NamingModelAndColumn()
    {
        using var s = new ResolveScenario().File("people.csv", "id,mail,updated\na,x@y.com,2024-01-01\n").Graph(Graph);
        var run = s.Resolve();
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("'email'", run.StdErr);
        Assert.Contains("people", run.StdErr);
    }

    [Fact]
    public void InvalidUtf8_ExitThree_NamingFileColumnAndRow()
    {
        using var s = new ResolveScenario().Graph(Graph);
        var bytes = "id,email,updated\na,ok@y.com,2024-01-01\nb,"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("@y.com,2024-01-02\n"u8.ToArray()).ToArray();
        File.WriteAllBytes(Path.Combine(s.Folder, "people.csv"), bytes);
        var run = s.Resolve();
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("people.csv", run.StdErr);
        Assert.Contains("email", run.StdErr);
        Assert.Contains("row 2", run.StdErr);
    }

    [Fact]
    public void UnreadableOrderValue_ExitThree_NamingColumnAndRow()
    {
        using var s = new ResolveScenario().File("people.csv", "id,email,updated\na,x@y.com,yesterday\n").Graph(Graph);
        var run = s.Resolve();
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("updated", run.StdErr);
        Assert.Contains("row 1", run.StdErr);
    }

    [Fact]
    public void TruncatedArrowFile_ExitThree_NamingTheFile()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph);
        Assert.Equal(0, CliRunner.Run("resolve", s.GraphPath, "--out", Path.Combine(s.Folder, "arrow"), "--format", "arrow").ExitCode);
        var table = Path.Combine(s.Folder, "arrow", "identity_lookup.arrow");
        var bytes = File.ReadAllBytes(table);
        File.WriteAllBytes(Path.Combine(s.Folder, "broken.arrow"), bytes[..(bytes.Length / 2)]);
        s.Graph(Graph.Replace("people.csv", "broken.arrow").Replace("\"id\"", "\"entity_key\"").Replace("\"updated\"", "\"entity_key\"")
            .Replace("[\"email\"] }", "[\"standardized_value\"] }"));
        var run = s.Resolve();
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("broken.arrow", run.StdErr);
    }

    [Fact]
    public void FailedRun_LeavesPreviousOutputsAndStateByteIdentical()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph);
        Assert.Equal(0, s.Resolve("--run-id", "good").ExitCode);
        var before = ResolveScenario.TreeHashes(s.OutputFolder);
        Assert.Contains("_SUCCESS", before.Keys);
        Assert.Contains("identity_match.csv", before.Keys);
        Assert.Contains(before.Keys, k => k.StartsWith("_state/", StringComparison.Ordinal));
        s.File("people.csv", "id,email,updated\na,x@y.com,not-a-date\n");
        Assert.Equal(3, s.Resolve("--run-id", "bad").ExitCode);
        Assert.Equal(before, ResolveScenario.TreeHashes(s.OutputFolder));
    }

    [Fact]
    public void UnknownOption_ExitTwo()
    {
        Assert.Equal(2, CliRunner.Run("resolve", "graph.json", "--no-such-option").ExitCode);
    }
}
