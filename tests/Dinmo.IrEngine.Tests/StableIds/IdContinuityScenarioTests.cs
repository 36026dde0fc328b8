using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.StableIds;

/// <summary>dinmo_id across runs on one output folder (SPEC §5), through the real CLI.</summary>
public sealed class IdContinuityScenarioTests
{
    private static string Graph(string extraRules = "") => $$"""
        {
          "project": "continuity",
          "models": [ { "name": "people", "path": "people.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": ["email"], "phone": ["phone"], "customer_id": ["cid"] } } ],
          "identifiers": [ { "name": "email" }, { "name": "phone" }, { "name": "customer_id", "max_unique_values": 1 } ],
          "rules": [ { "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] } {{extraRules}} ]
        }
        """;

    private const string PhoneRule = """, { "name": "phone", "criteria": [ { "identifiers": ["phone"], "match": "exact" } ] }""";

    private static string People(params string[] rows) => "id,email,phone,cid,updated\n" + string.Concat(rows.Select(r => r + "\n"));

    private static List<Dictionary<string, string?>> History(ResolveScenario s) => s.Table("identity_id_history");

    [Fact]
    public void NewRecordJoiningTwoProfiles_OneIdSurvives_TheOtherIsMergedIntoIt()
    {
        using var s = new ResolveScenario().Graph(Graph(PhoneRule))
            .File("people.csv", People("a,x@y,,,1", "b,x@y,,,1", "c,z@y,9,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r1").ExitCode);
        var first = s.Ids();
        s.File("people.csv", People("a,x@y,,,1", "b,x@y,,,1", "c,z@y,9,,1", "d,x@y,9,,2"));
        Assert.Equal(0, s.Resolve("--run-id", "r2").ExitCode);
        var second = s.Ids();
        Assert.Equal(first["people/a"], second["people/d"]); // share 2 beats share 1
        Assert.Equal(second["people/a"], second["people/c"]);
        Assert.Contains(History(s), h => h["dinmo_id"] == first["people/c"] && h["change_type"] == "merged"
            && h["into_dinmo_id"] == first["people/a"] && h["run_id"] == "r2");
        Assert.DoesNotContain(s.Table("identity_match"), r => r["dinmo_id"] == first["people/c"]);
    }

    [Fact]
    public void LinkDisappears_TheLargerShareKeepsTheId_TheOtherPartIsSplitOff()
    {
        using var s = new ResolveScenario().Graph(Graph(PhoneRule))
            .File("people.csv", People("a,x@y,,,1", "b,x@y,9,,1", "c,,9,,1", "d,,9,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r1").ExitCode);
        var first = s.Ids();
        Assert.Equal(first["people/a"], first["people/d"]);
        s.File("people.csv", People("a,x@y,,,1", "b,,9,,1", "c,,9,,1", "d,,9,,1")); // b loses its email
        Assert.Equal(0, s.Resolve("--run-id", "r2").ExitCode);
        var second = s.Ids();
        Assert.Equal(first["people/b"], second["people/c"]); // b, c, d: 3 of the 4 records
        Assert.NotEqual(first["people/a"], second["people/a"]);
        Assert.Contains(History(s), h => h["dinmo_id"] == first["people/a"] && h["change_type"] == "split"
            && h["into_dinmo_id"] == second["people/a"]);
        Assert.Contains(History(s), h => h["dinmo_id"] == second["people/a"] && h["change_type"] == "created" && h["run_id"] == "r2");
    }

    [Fact]
    public void ProfileExcludedByConflict_KeepsItsIdReserved_AndGetsItBackWhenRestored()
    {
        using var s = new ResolveScenario().Graph(Graph())
            .File("people.csv", People("a,x@y,,C1,1", "b,x@y,,C1,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r1").ExitCode);
        var id = s.Ids()["people/a"];
        s.File("people.csv", People("a,x@y,,C1,1", "b,x@y,,C2,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r2").ExitCode);
        Assert.Null(s.Ids()["people/a"]);
        var unresolved = s.Table("identity_unresolved_records").ToDictionary(r => r["entity_key"]!);
        Assert.Equal(id, unresolved["a"]["previous_dinmo_id"]);
        Assert.Equal("identifier_conflict", unresolved["b"]["unresolved_reason"]);
        s.File("people.csv", People("a,x@y,,C1,1", "b,x@y,,C1,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r3").ExitCode);
        Assert.Equal(id, s.Ids()["people/a"]);
        Assert.Equal(id, s.Ids()["people/b"]);
        Assert.DoesNotContain(History(s), h => h["dinmo_id"] == id && h["change_type"] != "created");
    }

    [Fact]
    public void EveryRecordOfAProfileDisappears_ItsIdIsRetiredOnce_AndNeverReused()
    {
        using var s = new ResolveScenario().Graph(Graph())
            .File("people.csv", People("a,x@y,,,1", "b,x@y,,,1", "c,z@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r1").ExitCode);
        var first = s.Ids();
        s.File("people.csv", People("c,z@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r2").ExitCode);

        var retired = Assert.Single(History(s), h => h["change_type"] == "retired");
        Assert.Equal(first["people/a"], retired["dinmo_id"]);
        Assert.Null(retired["into_dinmo_id"]);
        Assert.Equal("r2", retired["run_id"]);
        Assert.Equal(first["people/c"], s.Ids()["people/c"]);
        Assert.DoesNotContain(History(s), h => h["dinmo_id"] == first["people/c"] && h["change_type"] != "created");

        // The same records coming back are a new profile: a retired id is never issued again.
        s.File("people.csv", People("a,x@y,,,1", "b,x@y,,,1", "c,z@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r3").ExitCode);
        var third = s.Ids();
        Assert.Equal(third["people/a"], third["people/b"]);
        Assert.NotEqual(first["people/a"], third["people/a"]);
        Assert.Contains(History(s), h => h["dinmo_id"] == third["people/a"] && h["change_type"] == "created" && h["run_id"] == "r3");
        Assert.Single(History(s), h => h["change_type"] == "retired");
    }

    [Fact]
    public void ProfileExcludedByConflict_ThenItsRecordsDisappear_ItsIdIsRetired()
    {
        using var s = new ResolveScenario().Graph(Graph())
            .File("people.csv", People("a,x@y,,C1,1", "b,x@y,,C1,1", "c,z@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r1").ExitCode);
        var id = s.Ids()["people/a"];
        s.File("people.csv", People("a,x@y,,C1,1", "b,x@y,,C2,1", "c,z@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r2").ExitCode);
        Assert.DoesNotContain(History(s), h => h["change_type"] == "retired"); // kept for a and b while unresolved
        s.File("people.csv", People("c,z@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r3").ExitCode);

        var retired = Assert.Single(History(s), h => h["change_type"] == "retired");
        Assert.Equal(id, retired["dinmo_id"]);
        Assert.Null(retired["into_dinmo_id"]);
        Assert.Equal("r3", retired["run_id"]);
    }

    [Fact]
    public void ReservedIdWhoseRecordsJoinALargerProfile_IsMergedIntoIt()
    {
        using var s = new ResolveScenario().Graph(Graph())
            .File("people.csv", People("a,x@y,,C1,1", "b,x@y,,C1,1", "d,q@y,,,1", "e,q@y,,,1", "f,q@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r1").ExitCode);
        var (reserved, larger) = (s.Ids()["people/a"], s.Ids()["people/d"]);
        s.File("people.csv", People("a,x@y,,C1,1", "b,x@y,,C2,1", "d,q@y,,,1", "e,q@y,,,1", "f,q@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r2").ExitCode); // a and b excluded: their id is kept for them
        s.File("people.csv", People("a,q@y,,C1,1", "b,q@y,,C1,1", "d,q@y,,,1", "e,q@y,,,1", "f,q@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r3").ExitCode);

        Assert.Equal(larger, s.Ids()["people/a"]);
        var merged = Assert.Single(History(s), h => h["change_type"] == "merged");
        Assert.Equal(reserved, merged["dinmo_id"]);
        Assert.Equal(larger, merged["into_dinmo_id"]);
        Assert.Equal("r3", merged["run_id"]);
    }

    [Fact]
    public void RuleAddedToTheConfig_KeepsEveryIdWhoseMembershipDidNotChange()
    {
        using var s = new ResolveScenario().Graph(Graph())
            .File("people.csv", People("a,x@y,1,,1", "b,x@y,,,1", "c,u@y,2,,1", "d,v@y,2,,1", "e,w@y,,,1"));
        Assert.Equal(0, s.Resolve("--run-id", "r1").ExitCode);
        var first = s.Ids();
        s.Graph(Graph(PhoneRule));
        Assert.Equal(0, s.Resolve("--run-id", "r2").ExitCode);
        var second = s.Ids();
        Assert.Equal(first["people/a"], second["people/a"]);
        Assert.Equal(first["people/b"], second["people/b"]);
        Assert.Equal(first["people/e"], second["people/e"]);
        Assert.Equal(second["people/c"], second["people/d"]); // the new rule joined c and d
        Assert.Contains(second["people/c"], new[] { first["people/c"], first["people/d"] });
    }

    [Fact]
    public void RerunOnUnchangedInput_ChangesNoIdAndNoByteApartFromRunId()
    {
        using var s = new ResolveScenario().Graph(Graph(PhoneRule))
            .File("people.csv", People("a,x@y,1,,1", "b,x@y,,,2", "c,u@y,1,,3", "d,,,,4", "e,w@y,,C1,5", "f,w@y,,C2,6"));
        Assert.Equal(0, s.Resolve("--run-id", "same").ExitCode);
        var first = ResolveScenario.Snapshot(s.OutputFolder);
        Assert.Equal(0, s.Resolve("--run-id", "same").ExitCode);
        var second = ResolveScenario.Snapshot(s.OutputFolder);
        foreach (var table in first.Keys.Where(k => k.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.True(first[table].SequenceEqual(second[table]), table);
        }
        // With a new run id only the run_id columns of this run change; the id history gains no row.
        Assert.Equal(0, s.Resolve("--run-id", "other").ExitCode);
        var third = ResolveScenario.Snapshot(s.OutputFolder);
        Assert.True(first["identity_id_history.csv"].SequenceEqual(third["identity_id_history.csv"]));
        foreach (var table in first.Keys.Where(k => k.EndsWith(".csv", StringComparison.Ordinal) && k != "identity_id_history.csv"))
        {
            var before = System.Text.Encoding.UTF8.GetString(first[table]).Replace("same", "other", StringComparison.Ordinal);
            Assert.Equal(before, System.Text.Encoding.UTF8.GetString(third[table]));
        }
    }
}
