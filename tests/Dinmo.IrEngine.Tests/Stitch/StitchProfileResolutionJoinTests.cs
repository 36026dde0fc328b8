using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// The documented join (docs/event-stitching.md): identity_event_profile_identifier_values
/// (identifier, value) = identity_matched_ids (identifier, value), on one shared input folder.
/// </summary>
public sealed class StitchProfileResolutionJoinTests
{
    private const string Graph = """
        {
          "project": "customers",
          "models": [ { "name": "users", "path": "users.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "user_id": ["user_id"], "email": ["email"] } } ],
          "identifiers": [ { "name": "user_id", "standardize": ["trim", "lowercase"] }, { "name": "email", "standardize": ["email"] } ],
          "rules": [ { "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] } ]
        }
        """;

    [Fact]
    public void AnchorValues_JoinEventProfilesToDinmoIds()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,
            e2,2024-01-01T10:05:00Z,2024-01-01,a1,U1,,
            e3,2024-01-01T11:00:00Z,2024-01-01,a2,u2,,
            e4,2024-01-01T12:00:00Z,2024-01-01,a3,,,
            """);
        s.File("users.csv", """
            id,user_id,email,updated
            c1,u1,ann@x.com,2024-01-01
            c2,u1b,ANN@x.com,2024-01-02
            c3,u2,bob@x.com,2024-01-03
            """).File("graph.json", Graph);
        s.StitchOk();
        var resolve = CliRunner.Run("resolve", Path.Combine(s.Folder, "graph.json"), "--out", Path.Combine(s.Folder, "pr"), "--format", "csv");
        Assert.Equal(0, resolve.ExitCode);
        var matched = CsvText.ReadTable(Path.Combine(s.Folder, "pr", "identity_matched_ids.csv"));

        var joined = (from v in s.Values()
                      where v["status"] == "active" && v["is_anchor"] == "true"
                      join m in matched on (v["identifier"], v["value"]) equals (m["identifier"], m["value"])
                      select (Profile: v["dinmo_stitched_profile_id"], DinmoId: m["dinmo_id"])).Distinct().ToList();

        var dinmoOf = matched.Where(m => m["identifier"] == "user_id").ToDictionary(m => m["value"]!, m => m["dinmo_id"]);
        Assert.Equal(2, joined.Count);
        Assert.Contains((s.ProfileOf("e1"), dinmoOf["u1"]), joined); // the anonymous visitor who logged in as U1
        Assert.Contains((s.ProfileOf("e3"), dinmoOf["u2"]), joined);
        Assert.DoesNotContain(joined, j => j.Profile == s.ProfileOf("e4")); // still anonymous
    }
}
