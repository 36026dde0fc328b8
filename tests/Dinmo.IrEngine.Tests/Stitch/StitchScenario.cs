using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// A hand-made Event Stitching case on disk: event CSV files and a config in a temp folder, run
/// through the real <c>irengine stitch</c> with CSV output, and its output tables read back.
/// </summary>
internal sealed class StitchScenario : IDisposable
{
    /// <summary>The SPEC §9 example policy, on one <c>page_views</c> model with a session id added.</summary>
    public const string WebConfig = """
        {
          "project": "web_journeys",
          "models": [
            { "name": "page_views", "path": "page_views*.csv", "primary_key": "event_id", "timestamp": "ts", "partition": "event_date",
              "identifiers": { "anonymous_id": ["anonymous_id"], "user_id": ["user_id"], "device_id": ["device_id"], "session_id": ["session_id"] } }
          ],
          "identifiers": [
            { "name": "user_id", "priority": 1, "anchor": true, "max_unique_values_per_profile": 1 },
            { "name": "session_id", "priority": 2, "max_unique_values_per_profile": 2 },
            { "name": "anonymous_id", "priority": 3, "lifetime": "P30D" },
            { "name": "device_id", "priority": 4, "lifetime": "P30D", "max_profiles_per_value": 3,
              "blocked_values": ["00000000-0000-0000-0000-000000000000"] }
          ],
          "outputs": { "format": "csv" }
        }
        """;

    public const string Header = "event_id,ts,event_date,anonymous_id,user_id,device_id,session_id\n";

    private readonly TempDirectory _dir = new();

    public StitchScenario(string config = WebConfig) => File("events.json", config);

    public string Folder => _dir.Path;

    public string ConfigPath => Path.Combine(_dir.Path, "events.json");

    public string OutputFolder => Path.Combine(_dir.Path, "out");

    public StitchScenario File(string name, string content)
    {
        System.IO.File.WriteAllText(_dir.File(name), content.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>Writes <c>page_views&lt;suffix&gt;.csv</c> with the web header and the given rows.</summary>
    public StitchScenario Events(string rows, string suffix = "") => File($"page_views{suffix}.csv", Header + rows.Trim() + "\n");

    public void Remove(string name) => System.IO.File.Delete(Path.Combine(_dir.Path, name));

    /// <summary>Runs <c>irengine stitch</c> with CSV output unless <paramref name="extra"/> names a format.</summary>
    public CliRunner.Result Stitch(string runId = "run-1", params string[] extra) =>
        CliRunner.Run(["stitch", ConfigPath, "--out", OutputFolder, "--run-id", runId,
            .. extra.Contains("--format") ? extra : ["--format", "csv", .. extra]]);

    /// <summary>Runs and asserts success, with stderr in the failure message.</summary>
    public CliRunner.Result StitchOk(string runId = "run-1", params string[] extra)
    {
        var run = Stitch(runId, extra);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.StdErr}\n{run.StdOut}");
        return run;
    }

    public List<Dictionary<string, string?>> Table(string name) => CsvText.ReadTable(Path.Combine(OutputFolder, name + ".csv"));

    public List<Dictionary<string, string?>> Profiles() => Table("identity_event_profiles");

    public List<Dictionary<string, string?>> Values() => Table("identity_event_profile_identifier_values");

    public List<Dictionary<string, string?>> Redirects() => Table("identity_event_profile_redirects");

    public List<Dictionary<string, string?>> Audit() => Table("identity_event_profile_audit_events");

    /// <summary>Attribution rows by event key.</summary>
    public Dictionary<string, Dictionary<string, string?>> Attribution() =>
        Table("identity_event_profile_attribution").Where(r => r["event_key"] is not null).ToDictionary(r => r["event_key"]!);

    /// <summary>The profile an event was attached to, resolved through redirects.</summary>
    public string? ProfileOf(string eventKey) => Attribution()[eventKey]["resolved_dinmo_stitched_profile_id"];

    public Dictionary<string, string?> Profile(string id) => Profiles().Single(p => p["dinmo_stitched_profile_id"] == id);

    public double Metric(string metric) =>
        double.Parse(Table("identity_event_profile_run_metrics").Single(r => r["scope_type"] == "project" && r["metric"] == metric)["value"]!,
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The graph tables (all but run metrics) as text with the run_id column dropped.</summary>
    public Dictionary<string, string> GraphTablesWithoutRunId() =>
        new[] { "identity_event_profiles", "identity_event_profile_attribution", "identity_event_profile_identifier_values",
                "identity_event_profile_redirects", "identity_event_profile_audit_events" }
            .ToDictionary(t => t, t => string.Join("\n", Table(t).Select(r =>
                string.Join(",", r.Where(c => c.Key != "run_id").Select(c => $"{c.Key}={c.Value ?? "<null>"}")))));

    public void Dispose() => _dir.Dispose();
}
