using Apache.Arrow;
using Apache.Arrow.Ipc;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>The command-line contract of <c>irengine stitch</c>: exit codes, summary line, previous outputs kept on failure.</summary>
public sealed class StitchCliTests
{
    [Fact]
    public void InvalidConfig_Exit2ListingEveryErrorWithLocation()
    {
        using var s = new StitchScenario(StitchScenario.WebConfig.Replace("\"lifetime\": \"P30D\"", "\"lifetim\": \"P30D\""));
        s.Events("e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,");
        var run = s.Stitch();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("events.json:11:", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("unknown key 'lifetim'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'lifetime'?", run.StdErr, StringComparison.Ordinal);
        Assert.Equal("failed", run.Summary.GetProperty("status").GetString());
        Assert.Equal(2, run.Summary.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public void MissingColumn_Exit3NamingModelAndColumn_PreviousOutputsKept()
    {
        using var s = new StitchScenario().Events("e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,");
        s.StitchOk("good");
        var before = ResolveScenario.TreeHashes(s.OutputFolder);
        Assert.Contains(before.Keys, k => k.StartsWith("_state/", StringComparison.Ordinal));
        s.File("events.json", StitchScenario.WebConfig.Replace("[\"device_id\"]", "[\"device\"]"));
        var run = s.Stitch("bad");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("column 'device'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("page_views", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.models[0].identifiers.device_id[0]", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, ResolveScenario.TreeHashes(s.OutputFolder));
    }

    [Fact]
    public void Success_SummaryIsTheLastLineWithStitchRateAndOutputs()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,
            e2,2024-01-01T11:00:00Z,2024-01-01,,,,
            """);
        var run = s.StitchOk("r", "--format", "parquet");
        var summary = run.Summary;
        Assert.Equal("succeeded", summary.GetProperty("status").GetString());
        Assert.Equal(0.5, summary.GetProperty("stitch_rate").GetDouble());
        var outputs = summary.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("table").GetString()).ToList();
        Assert.Equal(["identity_event_profiles", "identity_event_profile_attribution", "identity_event_profile_identifier_values",
            "identity_event_profile_redirects", "identity_event_profile_audit_events", "identity_event_profile_run_metrics"], outputs);
        foreach (var table in outputs) Assert.True(File.Exists(Path.Combine(s.OutputFolder, table + ".parquet")), table);
        Assert.True(File.Exists(Path.Combine(s.OutputFolder, "run_summary.json")));
    }

    [Fact]
    public void DamagedState_Exit3SayingRerunWithFull_PreviousOutputsKept()
    {
        using var s = new StitchScenario().Events("e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,");
        s.StitchOk("good");
        var stateFile = Path.Combine(s.OutputFolder, "_state", "profile_values.arrow");
        ReplaceTextColumn(stateFile, "status", "no-such-status");
        var before = ResolveScenario.TreeHashes(s.OutputFolder);
        s.Events("e2,2024-01-02T10:00:00Z,2024-01-02,a1,,,");
        var run = s.Stitch("next");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("stitching state is unreadable", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("rerun with --full", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, ResolveScenario.TreeHashes(s.OutputFolder));
    }

    [Fact]
    public void ValueStatusFlagsNotMatchingTheOutputRows_Exit3SayingRerunWithFull()
    {
        // With Arrow outputs the state's profile values are the output's identifier values plus a flag per row.
        using var s = new StitchScenario().Events("e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,");
        s.StitchOk("one", "--format", "arrow");
        var flags = File.ReadAllBytes(Path.Combine(s.OutputFolder, "_state", "profile_value_status.arrow"));
        s.Events("e2,2024-01-02T10:00:00Z,2024-01-02,a2,,d2,", "_2");
        s.StitchOk("two", "--format", "arrow");
        File.WriteAllBytes(Path.Combine(s.OutputFolder, "_state", "profile_value_status.arrow"), flags); // one row for three
        s.Events("e3,2024-01-03T10:00:00Z,2024-01-03,a1,,,", "_3");
        var run = s.Stitch("three", "--format", "arrow");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("profile_value_status.arrow has 1 rows for the 3", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("rerun with --full", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void StateListingOneProfileIdTwice_Exit3SayingRerunWithFull()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,
            e2,2024-01-01T11:00:00Z,2024-01-01,a2,,,
            """);
        s.StitchOk("good");
        ReplaceTextColumn(Path.Combine(s.OutputFolder, "_state", "profiles.arrow"), "id", "same-id");
        s.Events("e3,2024-01-02T10:00:00Z,2024-01-02,a1,,,");
        var run = s.Stitch("next");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("two profiles have the id same-id", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("rerun with --full", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrowOutputs_StateLeavesEventsAndAuditToTheOutputTables_NextRunReadsThem()
    {
        using var s = new StitchScenario().Events("e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,");
        s.StitchOk("r1", "--format", "arrow");
        Assert.False(File.Exists(Path.Combine(s.OutputFolder, "_state", "events.arrow")));
        Assert.False(File.Exists(Path.Combine(s.OutputFolder, "_state", "audit.arrow")));

        // A CSV run after it: the processed keys and the audit come from r1's Arrow attribution and audit tables.
        s.Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,
            e2,2024-01-02T10:00:00Z,2024-01-02,a1,,,
            """);
        s.StitchOk("r2");
        Assert.Equal(1, s.Metric("events_skipped_already_processed"));
        var attribution = s.Attribution();
        Assert.Equal("r1", attribution["e1"]["run_id"]);
        Assert.Equal("r2", attribution["e2"]["run_id"]);
        Assert.Equal(attribution["e1"]["dinmo_stitched_profile_id"], attribution["e2"]["dinmo_stitched_profile_id"]);
        Assert.Contains(s.Audit(), a => a["run_id"] == "r1" && a["change_type"] == "profile_created");
        // Other formats keep the state self-contained.
        Assert.True(File.Exists(Path.Combine(s.OutputFolder, "_state", "events.arrow")));
        Assert.True(File.Exists(Path.Combine(s.OutputFolder, "_state", "audit.arrow")));
    }

    [Fact]
    public void ArrowOutputs_AttributionTableMissing_Exit3SayingRerunWithFull()
    {
        using var s = new StitchScenario().Events("e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,");
        s.StitchOk("good", "--format", "arrow");
        File.Delete(Path.Combine(s.OutputFolder, "identity_event_profile_attribution.arrow"));
        s.Events("e2,2024-01-02T10:00:00Z,2024-01-02,a1,,,");
        var run = s.Stitch("next", "--format", "arrow");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("identity_event_profile_attribution.arrow", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("rerun with --full", run.StdErr, StringComparison.Ordinal);
    }

    /// <summary>Rewrites an Arrow file with every value of one string column replaced.</summary>
    private static void ReplaceTextColumn(string file, string column, string value)
    {
        RecordBatch batch;
        using (var reader = new ArrowFileReader(File.OpenRead(file)))
        {
            batch = reader.ReadNextRecordBatch();
            batch = new RecordBatch(batch.Schema, batch.Schema.FieldsList.Select((f, i) => f.Name != column ? batch.Column(i)
                : new StringArray.Builder().AppendRange(Enumerable.Repeat(value, batch.Length)).Build()).ToArray(), batch.Length);
        }
        using var stream = File.Create(file);
        using var writer = new ArrowFileWriter(stream, batch.Schema);
        writer.WriteRecordBatch(batch);
        writer.WriteEnd();
    }
}
