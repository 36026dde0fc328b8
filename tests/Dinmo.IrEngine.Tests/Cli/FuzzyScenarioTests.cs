using System.Globalization;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>Anchored fuzzy rules end to end: scores in match_pairs, thresholds, and the oversized-block guard.</summary>
public sealed class FuzzyScenarioTests
{
    private const string People = """
        id,phone,name,updated
        a,111,martin,2024-01-01
        b,111,martine,2024-01-02
        c,111,durand,2024-01-03
        d,111,martin,2024-01-04
        e,222,martin,2024-01-05
        """;

    private static string Graph(string extra = "", string threshold = "") => $$"""
        {
          "project": "fuzzy",
          "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "phone": ["phone"], "name": ["name"] } } ],
          "identifiers": [ { "name": "phone", "standardize": ["only_numeric"] }, { "name": "name" } ],
          "rules": [ { "name": "phone + similar name", "criteria": [
              { "identifiers": ["phone"], "match": "exact" },
              { "identifiers": ["name"], "match": "fuzzy_strong" {{threshold}} } ] } ]
          {{extra}}
        }
        """;

    [Fact]
    public void AnchoredFuzzyRule_LinksSimilarNamesInsideTheExactBlock_WithScores()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph());
        Assert.Equal(0, s.Resolve().ExitCode);
        var ids = s.Ids();
        Assert.Equal(ids["people/a"], ids["people/b"]); // JW(martin, martine) ≈ 0.971
        Assert.Equal(ids["people/a"], ids["people/d"]); // equal values
        Assert.NotEqual(ids["people/a"], ids["people/c"]); // durand is not similar
        Assert.NotEqual(ids["people/a"], ids["people/e"]); // other phone: not in the block
        var pairs = s.Table("match_pairs");
        var equal = pairs.Single(p => p["left_entity_key"] == "a" && p["right_entity_key"] == "d");
        Assert.Equal("[1]", equal["scores"]);
        var similar = pairs.Single(p => p["left_entity_key"] == "a" && p["right_entity_key"] == "b");
        var score = double.Parse(similar["scores"]!.Trim('[', ']'), CultureInfo.InvariantCulture);
        Assert.InRange(score, 0.97, 0.972);
    }

    [Fact]
    public void ThresholdOverride_CanRefuseASimilarPair()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph(threshold: ", \"threshold\": 0.99"));
        Assert.Equal(0, s.Resolve().ExitCode);
        var ids = s.Ids();
        Assert.NotEqual(ids["people/a"], ids["people/b"]);
        Assert.Equal(ids["people/a"], ids["people/d"]);
    }

    [Fact]
    public void OversizedFuzzyBlock_IsNotCompared_AndIsReportedWithKeyAndSize()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph(extra: ", \"max_fuzzy_block_values\": 2"));
        var run = s.Resolve();
        Assert.Equal(0, run.ExitCode);
        var ids = s.Ids();
        Assert.NotEqual(ids["people/a"], ids["people/d"]); // not even equal values are linked in a skipped block
        var skipped = run.Summary.GetProperty("skipped_fuzzy_blocks");
        Assert.Equal(1, skipped.GetArrayLength());
        Assert.Equal("phone=111", skipped[0].GetProperty("key").GetString());
        Assert.Equal(3, skipped[0].GetProperty("distinct_values").GetInt32());
        Assert.Equal(4, skipped[0].GetProperty("records").GetInt32());
        Assert.Equal("name", skipped[0].GetProperty("criterion").GetString());
        Assert.Equal(1, run.Summary.GetProperty("skipped_fuzzy_block_count").GetInt32());
        var metrics = s.Table("identity_run_metrics");
        Assert.Contains(metrics, r => r["metric"] == "skipped_fuzzy_blocks" && r["scope_type"] == "project" && r["value"] == "1");
        // Key and size in the metrics table too: one row per skipped block under its rule.
        var row = Assert.Single(metrics, r => r["metric"]!.StartsWith("skipped_fuzzy_block:", StringComparison.Ordinal));
        Assert.Equal(("rule", "phone + similar name", "skipped_fuzzy_block:name:phone=111", "3"),
            (row["scope_type"], row["scope_value"], row["metric"], row["value"]));
    }

    [Fact]
    public void ManyOversizedFuzzyBlocks_AreCountedAll_AndTheLargestListedWithKeyAndSize()
    {
        // 25 phone blocks of 2..6 distinct names, limit 1: all skipped, the 20 largest are listed.
        var rows = new List<string> { "id,phone,name,updated" };
        var sizes = new Dictionary<string, int>();
        for (var block = 0; block < 25; block++)
        {
            var phone = (100 + block).ToString(CultureInfo.InvariantCulture);
            sizes[phone] = 2 + block * 7 % 5;
            for (var k = 0; k < sizes[phone]; k++) rows.Add($"r{block:D2}{k},{phone},name{k},2024-01-01");
        }
        using var s = new ResolveScenario().File("people.csv", string.Join("\n", rows) + "\n")
            .Graph(Graph(extra: ", \"max_fuzzy_block_values\": 1"));
        var run = s.Resolve();
        Assert.Equal(0, run.ExitCode);
        var expected = sizes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(20)
            .Select(p => ($"phone={p.Key}", p.Value)).ToList();

        Assert.Equal(25, run.Summary.GetProperty("skipped_fuzzy_block_count").GetInt32());
        var listed = run.Summary.GetProperty("skipped_fuzzy_blocks").EnumerateArray()
            .Select(b => (b.GetProperty("key").GetString()!, b.GetProperty("distinct_values").GetInt32())).ToList();
        Assert.Equal(expected, listed);

        var metrics = s.Table("identity_run_metrics");
        Assert.Contains(metrics, r => r["scope_type"] == "rule" && r["metric"] == "skipped_fuzzy_blocks" && r["value"] == "25");
        var rowsListed = metrics.Where(r => r["metric"]!.StartsWith("skipped_fuzzy_block:name:", StringComparison.Ordinal))
            .Select(r => (r["metric"]!["skipped_fuzzy_block:name:".Length..], int.Parse(r["value"]!, CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.OrderBy(e => e.Item1, StringComparer.Ordinal).ToList(), rowsListed);
    }

    [Fact]
    public void SeveralFuzzyCriteria_ManyRecordsFewValueTuples_LinkTuplesNotRecordPairs()
    {
        // 300 records in one phone block carrying 3 (first, last) tuples, 100 records each:
        // martin dupont ~ martine dupond (0.971, 0.933 ≥ 0.92); zoe durand matches neither.
        string[][] tuples = [["martin", "dupont"], ["martine", "dupond"], ["zoe", "durand"]];
        var rows = new List<string> { "id,phone,first,last,updated" };
        for (var i = 0; i < 300; i++) rows.Add($"r{i:D3},111,{tuples[i % 3][0]},{tuples[i % 3][1]},2024-01-01");
        using var s = new ResolveScenario().File("people.csv", string.Join("\n", rows) + "\n").Graph("""
            {
              "project": "tuples",
              "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                            "identifiers": { "phone": ["phone"], "first": ["first"], "last": ["last"] } } ],
              "identifiers": [ { "name": "phone" }, { "name": "first" }, { "name": "last" } ],
              "rules": [ { "name": "phone + similar names", "criteria": [
                  { "identifiers": ["phone"], "match": "exact" },
                  { "identifiers": ["first"], "match": "fuzzy_strong" },
                  { "identifiers": ["last"], "match": "fuzzy_strong" } ] } ]
            }
            """);
        Assert.Equal(0, s.Resolve().ExitCode);

        var ids = s.Ids();
        Assert.Equal(200, ids.Count(p => p.Value == ids["people/r000"]));
        Assert.Equal(ids["people/r000"], ids["people/r001"]);
        Assert.Equal(100, ids.Count(p => p.Value == ids["people/r002"]));
        Assert.NotEqual(ids["people/r000"], ids["people/r002"]);

        // Star links inside each tuple (3 × 99, scores 1.0) plus one link between the matching tuples'
        // smallest records, with both criteria's scores: 298 rows, not the 24,850 record pairs.
        var pairs = s.Table("match_pairs");
        Assert.Equal(3 * 99 + 1, pairs.Count);
        Assert.Equal(297, pairs.Count(p => p["scores"] == "[1,1]"));
        var across = Assert.Single(pairs, p => p["scores"] != "[1,1]");
        Assert.Equal(("r000", "r001"), (across["left_entity_key"], across["right_entity_key"]));
        var scores = across["scores"]!.Trim('[', ']').Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        Assert.InRange(scores[0], 0.97, 0.972);
        Assert.InRange(scores[1], 0.933, 0.934);
    }

    [Fact]
    public void JaroWinklerPath_ForcedPathIsReported_WithTheBlocksItScored()
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph());
        var run = CliRunner.Run(new Dictionary<string, string> { ["IRENGINE_JW_PATH"] = "bitparallel" },
            "resolve", s.GraphPath, "--out", s.OutputFolder, "--format", "csv", "--run-id", "forced");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("bitparallel", run.Summary.GetProperty("jaro_winkler_path").GetString());
        // One block (phone=111) has distinct names to score; phone=222 has one record.
        Assert.Equal("""{"bitparallel":1}""", run.Summary.GetProperty("jaro_winkler_blocks").GetRawText());
    }

    [Theory]
    [InlineData("avx9000", "'avx9000'")]
    [InlineData("vector1024", "one of scalar, bitparallel, vector128, vector256, vector512")]
    public void JaroWinklerPath_UnknownName_IsAUsageError_AndNothingIsWritten(string value, string expected)
    {
        using var s = new ResolveScenario().File("people.csv", People).Graph(Graph());
        var run = CliRunner.Run(new Dictionary<string, string> { ["IRENGINE_JW_PATH"] = value },
            "resolve", s.GraphPath, "--out", s.OutputFolder, "--format", "csv");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("IRENGINE_JW_PATH", run.StdErr);
        Assert.Contains(expected, run.StdErr);
        Assert.Equal(2, run.Summary.GetProperty("exit_code").GetInt32());
        Assert.False(Directory.Exists(s.OutputFolder));
    }
}
