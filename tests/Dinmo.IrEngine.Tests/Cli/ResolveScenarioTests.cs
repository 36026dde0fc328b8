using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>End-to-end cases of <c>irengine resolve</c> on small hand-made inputs (CSV in, CSV out).</summary>
public sealed class ResolveScenarioTests
{
    private const string People = """
        id,email,email2,work_email,phone,name,updated
        a,ann@x.com,,,111,Ann,2024-01-01
        b,ANN@x.com ,,,222,Ann,2024-01-02
        c,,,,222,Anne,2024-01-03
        d,dan@x.com,,,,Dan,2024-01-04
        e,,dan@x.com,,,Dan,2024-01-05
        f,,,fay@x.com,,Fay,2024-01-06
        g,fay@x.com,,,,Fay,2024-01-07
        h,test@test.com,,,,Hal,2024-01-08
        i,test@test.com,,,,Ivy,2024-01-09
        j,noreply@x.com,,,,Jo,2024-01-10
        k,noreply@x.com,,,,Kim,2024-01-11
        """;

    private static string Graph(string rules, string identifiersExtra = "", string emailColumns = "\"email\", \"email2\"") => $$"""
        {
          "project": "scenario",
          "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": [{{emailColumns}}], "work_email": ["work_email"], "phone": ["phone"], "name": ["name"] },
                        "fields": { "name": "name" } } ],
          "identifiers": [
            { "name": "email", "standardize": ["email"], "blocked_values": ["Test@Test.com"], "blocked_patterns": ["^noreply@"] },
            { "name": "work_email", "standardize": ["email"] },
            { "name": "phone", "standardize": ["only_numeric"] {{identifiersExtra}} },
            { "name": "name" }
          ],
          "rules": {{rules}},
          "golden": { "identifiers": { "email": "most_frequent" }, "fields": { "name": "last_non_null" } }
        }
        """;

    private const string EmailRule = """{ "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] }""";
    private const string PhoneRule = """{ "name": "phone", "criteria": [ { "identifiers": ["phone"], "match": "exact" } ] }""";

    [Fact]
    public void ChainAcrossTwoRules_PutsAllThreeInOneCluster()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph($"[{EmailRule}, {PhoneRule}]"));
        var run = s.Resolve();
        Assert.Equal(0, run.ExitCode);
        var ids = s.Ids();
        Assert.NotNull(ids["people/a"]);
        Assert.Equal(ids["people/a"], ids["people/b"]); // email
        Assert.Equal(ids["people/b"], ids["people/c"]); // phone
        var pairs = s.Table("match_pairs");
        Assert.Contains(pairs, p => p["rule_name"] == "email" && p["left_entity_key"] == "a" && p["right_entity_key"] == "b");
        Assert.Contains(pairs, p => p["rule_name"] == "phone" && p["left_entity_key"] == "b" && p["right_entity_key"] == "c");
    }

    [Fact]
    public void SeveralColumnsPerIdentifier_LinkThroughEitherColumn()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph($"[{EmailRule}]"));
        Assert.Equal(0, s.Resolve().ExitCode);
        var ids = s.Ids();
        Assert.Equal(ids["people/d"], ids["people/e"]); // email vs email2
        var lookup = s.Table("identity_lookup");
        Assert.Contains(lookup, r => r["entity_key"] == "e" && r["source_column"] == "email2" && r["standardized_value"] == "dan@x.com");
    }

    [Fact]
    public void MultiIdentifierCriterion_LinksPersonalToWorkEmail()
    {
        var rule = """[{ "name": "any email", "criteria": [ { "identifiers": ["email", "work_email"], "match": "exact" } ] }]""";
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph(rule));
        Assert.Equal(0, s.Resolve().ExitCode);
        var ids = s.Ids();
        Assert.NotNull(ids["people/f"]);
        Assert.Equal(ids["people/f"], ids["people/g"]);

        using var single = new ResolveScenario().File("people.csv", People).Graph(Graph($"[{EmailRule}]"));
        Assert.Equal(0, single.Resolve().ExitCode);
        Assert.NotEqual(single.Ids()["people/g"], single.Ids()["people/f"]);
    }

    [Fact]
    public void BlockedValuesAndPatterns_NeverLink_AndAreAudited()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph($"[{EmailRule}]"));
        Assert.Equal(0, s.Resolve().ExitCode);
        var match = s.Table("identity_match").ToDictionary(r => r["entity_key"]!);
        Assert.Equal("missing", match["h"]["resolution_status"]);
        Assert.Equal("missing", match["j"]["resolution_status"]);
        var lookup = s.Table("identity_lookup");
        Assert.Contains(lookup, r => r["entity_key"] == "h" && r["is_blocked"] == "true" && r["block_reason"] == "blocked_value");
        Assert.Contains(lookup, r => r["entity_key"] == "k" && r["is_blocked"] == "true" && r["block_reason"] == "blocked_pattern");
        var unresolved = s.Table("identity_unresolved_records").ToDictionary(r => r["entity_key"]!);
        Assert.Equal("missing_identifiers", unresolved["i"]["unresolved_reason"]);
    }

    [Fact]
    public void HubGuard_BlocksAValueCarriedByTooManyRecords()
    {
        var people = """
            id,email,email2,work_email,phone,name,updated
            a,,,,555,A,2024-01-01
            b,,,,555,B,2024-01-01
            c,,,,555,C,2024-01-01
            d,,,,777,D,2024-01-01
            e,,,,777,E,2024-01-01
            """;
        using var s = new ResolveScenario().File("people.csv", people)
            .Graph(Graph($"[{PhoneRule}]", identifiersExtra: ", \"max_records_per_value\": 2"));
        var run = s.Resolve();
        Assert.Equal(0, run.ExitCode);
        var ids = s.Ids();
        Assert.Null(ids["people/a"]);
        Assert.Equal(ids["people/d"], ids["people/e"]);
        Assert.Contains(s.Table("identity_lookup"), r => r["entity_key"] == "a" && r["block_reason"] == "hub");
        var shared = run.Summary.GetProperty("most_shared_values").GetProperty("phone")[0];
        Assert.Equal("555", shared.GetProperty("value").GetString());
        Assert.Equal(3, shared.GetProperty("records").GetInt32());
        Assert.Equal("hub", shared.GetProperty("block_reason").GetString());
    }

    [Fact]
    public void DuplicateAndNullKeys_AreUnresolvedCountedAndNeverLinked()
    {
        var people = """
            id,email,email2,work_email,phone,name,updated
            a,same@x.com,,,,A,2024-01-01
            a,same@x.com,,,,A2,2024-01-01
            ,same@x.com,,,,N,2024-01-01
            "",same@x.com,,,,E,2024-01-01
            b,other@x.com,,,,B,2024-01-01
            """;
        using var s = new ResolveScenario().File("people.csv", people).Graph(Graph($"[{EmailRule}]"));
        var run = s.Resolve();
        Assert.Equal(0, run.ExitCode);
        var reasons = s.Table("identity_unresolved_records").Select(r => (r["entity_key"], r["unresolved_reason"])).ToList();
        Assert.Equal(2, reasons.Count(r => r == ("a", "duplicate_primary_key")));
        Assert.Contains((null, "missing_primary_key"), reasons);
        Assert.Contains(("", "missing_primary_key"), reasons);
        Assert.Empty(s.Table("match_pairs"));
        var summary = run.Summary;
        Assert.Equal(5, summary.GetProperty("records").GetInt32());
        Assert.Equal(4, summary.GetProperty("missing_records").GetInt32());
        Assert.Equal(1, summary.GetProperty("unique_records").GetInt32());
    }

    [Fact]
    public void EmptyInputTable_GivesAValidRunWithEmptyTablesThatKeepTheirSchemas()
    {
        using var s = new ResolveScenario().File("people.csv", "id,email,email2,work_email,phone,name,updated\n")
            .Graph(Graph($"[{EmailRule}]"));
        var run = s.Resolve();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.Summary.GetProperty("records").GetInt32());
        var golden = File.ReadAllText(Path.Combine(s.OutputFolder, "identity_golden.csv"));
        Assert.StartsWith("dinmo_id,email,name,representative_entity_key_name", golden);
        Assert.Equal(9, run.Summary.GetProperty("outputs").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(s.OutputFolder, "_SUCCESS")));
    }

    [Theory]
    [InlineData("arrow")]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void EveryFormat_WritesEveryTableAndTheSummary(string format)
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph($"[{EmailRule}, {PhoneRule}]"));
        var run = CliRunner.Run("resolve", s.GraphPath, "--out", s.OutputFolder, "--format", format);
        Assert.Equal(0, run.ExitCode);
        foreach (var table in new[] { "identity_golden", "identity_matched_ids", "identity_unresolved_records", "identity_lookup",
                     "identity_match", "match_pairs", "identity_id_history", "identity_golden_report", "identity_run_metrics" })
        {
            Assert.True(File.Exists(Path.Combine(s.OutputFolder, $"{table}.{format}")), table);
        }
        var written = File.ReadAllText(Path.Combine(s.OutputFolder, "run_summary.json"));
        Assert.Equal(run.Summary.GetProperty("run_id").GetString(),
            System.Text.Json.JsonDocument.Parse(written).RootElement.GetProperty("run_id").GetString());
    }

    [Fact]
    public void TablesOption_WritesOnlyTheListedTables()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph($"[{EmailRule}]"));
        Assert.Equal(0, s.Resolve("--tables", "identity_golden,match_pairs").ExitCode);
        var files = Directory.GetFiles(s.OutputFolder).Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.Equal(["_SUCCESS", "identity_golden.csv", "match_pairs.csv", "run_summary.json"], files);
    }

    [Fact]
    public void Buckets_AddUpToRecordsRead_OverallAndPerModel()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph($"[{EmailRule}, {PhoneRule}]"));
        var summary = s.Resolve().Summary;
        var sum = new[] { "unique_records", "matched_records", "conflict_records", "missing_records" }
            .Sum(k => summary.GetProperty(k).GetInt64());
        Assert.Equal(summary.GetProperty("records").GetInt64(), sum);
        var metrics = s.Table("identity_run_metrics").Where(r => r["scope_type"] == "model").ToList();
        double Metric(string name) => double.Parse(metrics.Single(r => r["metric"] == name)["value"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Metric("records"), Metric("unique_records") + Metric("matched_records") + Metric("conflict_records") + Metric("missing_records"));
    }

    [Fact]
    public void GoldenReport_HoldsTheRunFigures_AsTheSummaryDoes()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph($"[{EmailRule}, {PhoneRule}]"));
        var summary = s.Resolve().Summary;
        var report = Assert.Single(s.Table("identity_golden_report"));

        // By hand: {a, b, c} and {d, e} matched, g unique, f (work email only) and h–k (blocked emails) missing.
        var expected = new Dictionary<string, string>
        {
            ["records"] = "11", ["unique_records"] = "1", ["matched_records"] = "5", ["conflict_records"] = "0",
            ["missing_records"] = "5", ["golden_records"] = "3", ["largest_cluster_size"] = "3", ["skipped_fuzzy_blocks"] = "0",
        };
        foreach (var (name, value) in expected)
        {
            Assert.Equal(value, report[name]);
            if (name == "skipped_fuzzy_blocks") continue; // the summary lists the blocks themselves
            Assert.Equal(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture), summary.GetProperty(name).GetInt64());
        }
        double Rate(string name) => double.Parse(report[name]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(6.0 / 11, Rate("resolution_rate"), 12);
        Assert.Equal(5.0 / 11, Rate("match_rate"), 12);
        Assert.Equal(0.0, Rate("conflict_rate"));
        Assert.Equal(2.0, Rate("records_per_profile"), 12);
        Assert.Equal(summary.GetProperty("run_id").GetString(), report["run_id"]);
        Assert.Equal("scenario", report["project"]);
    }
}
