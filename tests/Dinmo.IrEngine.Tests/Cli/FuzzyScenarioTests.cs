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
        Assert.Contains(s.Table("identity_run_metrics"), r => r["metric"] == "skipped_fuzzy_blocks" && r["scope_type"] == "project" && r["value"] == "1");
    }
}
