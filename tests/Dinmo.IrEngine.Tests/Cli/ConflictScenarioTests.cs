using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>Conflict limits and guardrails end to end (SPEC §4.5, issue #4 scenarios), under both policies.</summary>
public sealed class ConflictScenarioTests
{
    private static string Graph(string policy, string rules, string extra = "") => $$"""
        {
          "project": "conflicts",
          "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": ["email"], "phone": ["phone"], "customer_id": ["cid"], "user_id": ["uid"] } } ],
          "identifiers": [
            { "name": "user_id", "max_unique_values": 1 },
            { "name": "customer_id", "max_unique_values": 1 },
            { "name": "email", "max_unique_values": 2 {{extra}} },
            { "name": "phone" }
          ],
          "rules": {{rules}},
          "conflict_policy": "{{policy}}"
        }
        """;

    private const string EmailRule = """{ "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] }""";
    private const string PhoneRule = """{ "name": "phone", "criteria": [ { "identifiers": ["phone"], "match": "exact" } ] }""";

    private static string People(params string[] rows) => "id,email,phone,cid,uid,updated\n" + string.Concat(rows.Select(r => r + "\n"));

    [Fact]
    public void SpecExample_ThreeRecordsOnOnePhone_AreAllExcludedWithTheExactReasons()
    {
        using var s = new ResolveScenario().Graph(Graph("exclude_cluster", $"[{PhoneRule}]"))
            .File("people.csv", People("r1,a@x,555,,U1,1", "r2,b@x,555,,U1,2", "r3,c@x,555,,U2,3"));
        Assert.Equal(0, s.Resolve().ExitCode);
        var unresolved = s.Table("identity_unresolved_records");
        Assert.Equal(3, unresolved.Count);
        Assert.All(unresolved, r =>
        {
            Assert.Equal("identifier_conflict", r["unresolved_reason"]);
            Assert.Equal("user_id has too many unique values (2 > limit of 1); email has too many unique values (3 > limit of 2)", r["conflict_reasons"]);
        });
        Assert.Single(unresolved.Select(r => r["conflict_group_id"]).Distinct());
        Assert.All(s.Table("match_pairs"), p => Assert.Equal("excluded_conflict", p["outcome"]));
    }

    [Fact]
    public void HouseholdSharingAPhone_ExcludedUnderExcludeCluster_KeptApartUnderSkipMerge()
    {
        var people = People("mum,,0601,C1,,1", "dad,,0601,C2,,2", "mum2,,0601,C1,,3");
        using var exclude = new ResolveScenario().Graph(Graph("exclude_cluster", $"[{PhoneRule}]")).File("people.csv", people);
        Assert.Equal(0, exclude.Resolve().ExitCode);
        Assert.All(exclude.Table("identity_match"), r => Assert.Equal("conflict", r["resolution_status"]));

        using var skip = new ResolveScenario().Graph(Graph("skip_merge", $"[{PhoneRule}]")).File("people.csv", people);
        Assert.Equal(0, skip.Resolve().ExitCode);
        var ids = skip.Ids();
        Assert.Equal(ids["people/mum"], ids["people/mum2"]);
        Assert.NotEqual(ids["people/mum"], ids["people/dad"]);
        // dad is the group's smallest key: both star links to him are refused; mum–mum2 is applied as its own pair.
        var pairs = skip.Table("match_pairs");
        var refused = pairs.Where(p => p["outcome"] == "blocked_conflict").ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, p => Assert.Equal("dad", p["left_entity_key"]));
        Assert.All(refused, p => Assert.Equal("customer_id has too many unique values (2 > limit of 1)", p["conflict_reasons"]));
        Assert.Contains(pairs, p => p["left_entity_key"] == "mum" && p["right_entity_key"] == "mum2" && p["outcome"] == "merged");
    }

    [Fact]
    public void PlaceholderThatWouldChainStrangers_IsBlockedAsHub_AndReported()
    {
        var people = People("a,none@none,,,,1", "b,none@none,,,,2", "c,none@none,,,,3", "d,none@none,,,,4", "e,real@x,,,,5", "f,real@x,,,,6");
        using var s = new ResolveScenario().Graph(Graph("exclude_cluster", $"[{EmailRule}]", ", \"max_records_per_value\": 3")).File("people.csv", people);
        var run = s.Resolve();
        Assert.Equal(0, run.ExitCode);
        var match = s.Table("identity_match").ToDictionary(r => r["entity_key"]!);
        Assert.All(new[] { "a", "b", "c", "d" }, k => Assert.Equal("missing", match[k]["resolution_status"]));
        Assert.Equal("matched", match["e"]["resolution_status"]);
        var top = run.Summary.GetProperty("most_shared_values").GetProperty("email")[0];
        Assert.Equal("none@none", top.GetProperty("value").GetString());
        Assert.Equal("hub", top.GetProperty("block_reason").GetString());
        Assert.Equal(4, run.Summary.GetProperty("identifiers").GetProperty("email").GetProperty("blocked_observations:hub").GetInt32());
    }

    [Fact]
    public void OneBadValueJoiningTwoCleanClusters_ExcludesAllUnderExcludeCluster_RefusesOnlyTheBadLinkUnderSkipMerge()
    {
        // a1, a2 share email ea (C1); b1, b2 share email eb (C2); x carries ea and b1's phone: it joins the two.
        var people = People("a1,ea,,C1,,1", "a2,ea,,C1,,2", "b1,eb,777,C2,,3", "b2,eb,,C2,,4", "x,ea,777,,,5");
        var rules = $"[{EmailRule}, {PhoneRule}]";
        using var exclude = new ResolveScenario().Graph(Graph("exclude_cluster", rules)).File("people.csv", people);
        Assert.Equal(0, exclude.Resolve().ExitCode);
        var unresolved = exclude.Table("identity_unresolved_records");
        Assert.Equal(5, unresolved.Count);
        Assert.Single(unresolved.Select(r => r["conflict_group_id"]).Distinct());

        using var skip = new ResolveScenario().Graph(Graph("skip_merge", rules)).File("people.csv", people);
        Assert.Equal(0, skip.Resolve().ExitCode);
        var ids = skip.Ids();
        Assert.Equal(ids["people/a1"], ids["people/a2"]);
        Assert.Equal(ids["people/b1"], ids["people/b2"]);
        Assert.NotEqual(ids["people/a1"], ids["people/b1"]);
        Assert.Equal(ids["people/a1"], ids["people/x"]); // the email link comes first (rule order)
        Assert.Contains(skip.Table("match_pairs"), p => p["outcome"] == "blocked_conflict" && p["rule_name"] == "phone");
        Assert.Empty(skip.Table("identity_unresolved_records"));
    }

    [Fact]
    public void LimitOnAnIdentifierNoRuleUses_IsStillCounted()
    {
        using var s = new ResolveScenario().Graph(Graph("exclude_cluster", $"[{EmailRule}]"))
            .File("people.csv", People("a,same@x,,C1,,1", "b,same@x,,C2,,2", "c,other@x,,C3,,3"));
        Assert.Equal(0, s.Resolve().ExitCode);
        var unresolved = s.Table("identity_unresolved_records").ToDictionary(r => r["entity_key"]!);
        Assert.Equal("customer_id has too many unique values (2 > limit of 1)", unresolved["a"]["conflict_reasons"]);
        Assert.False(unresolved.ContainsKey("c"));
        var metrics = s.Table("identity_run_metrics");
        Assert.Contains(metrics, m => m["scope_type"] == "rule" && m["scope_value"] == "email" && m["metric"] == "conflict_records" && m["value"] == "2");
    }

    [Fact]
    public void SkipMerge_RecordBreakingALimitOnItsOwn_IsUnresolvedAndTakesNoLink()
    {
        using var s = new ResolveScenario().Graph(Graph("skip_merge", $"[{EmailRule}]"))
            .File("people.csv", "id,email,phone,cid,uid,updated\na,same@x,,C1,,1\nb,same@x,,C1,,2\n")
            .File("more.csv", "");
        // Two customer ids on one row need two columns: map customer_id to cid and uid in a second graph.
        s.Graph(Graph("skip_merge", $"[{EmailRule}]").Replace("\"customer_id\": [\"cid\"]", "\"customer_id\": [\"cid\", \"uid\"]"));
        s.File("people.csv", People("a,same@x,,C1,C2,1", "b,same@x,,C1,,2", "c,same@x,,C1,,3"));
        Assert.Equal(0, s.Resolve().ExitCode);
        var match = s.Table("identity_match").ToDictionary(r => r["entity_key"]!);
        Assert.Equal("conflict", match["a"]["resolution_status"]);
        Assert.Equal("matched", match["b"]["resolution_status"]);
        Assert.Equal(match["b"]["dinmo_id"], match["c"]["dinmo_id"]);
    }
}
