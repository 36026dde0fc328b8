using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>Runs over time (SPEC §9): state next to the outputs, idempotent reruns, incremental equals full.</summary>
public sealed class StitchRunsOverTimeTests
{
    /// <summary>Three days of events exercising every kind of change: login, merges, demotion, quarantine, expiry.</summary>
    private static readonly string[] Days =
    [
        """
        v1,2024-01-01T08:00:00Z,2024-01-01,a1,,d1,s1
        v2,2024-01-01T09:00:00Z,2024-01-01,a2,,d2,s2
        v3,2024-01-01T10:00:00Z,2024-01-01,a1,u1,d1,s3
        v4,2024-01-01T11:00:00Z,2024-01-01,,,dx,
        v5,2024-01-01T12:00:00Z,2024-01-01,,u2,dx,
        """,
        """
        w1,2024-01-02T08:00:00Z,2024-01-02,a2,,d1,s4
        w2,2024-01-02T09:00:00Z,2024-01-02,,u3,dx,
        w3,2024-01-02T10:00:00Z,2024-01-02,,u4,dx,
        w5,2024-01-02T10:30:00Z,2024-01-02,,u5,dx,
        w4,2024-01-02T11:00:00Z,2024-01-02,a3,u1,,s5
        w4,2024-01-02T11:30:00Z,2024-01-02,a3,u1,,s5
        """,
        """
        x1,2024-02-20T08:00:00Z,2024-02-20,a2,,,
        x2,2024-02-20T09:00:00Z,2024-02-20,a3,,dx,
        x3,2024-02-20T10:00:00Z,2024-02-20,,,,
        ,2024-02-20T11:00:00Z,2024-02-20,a9,,,
        """,
    ];

    [Fact]
    public void Rerun_TablesAreByteIdenticalApartFromRunId()
    {
        using var s = new StitchScenario().Events(string.Join("\n", Days));
        s.StitchOk("first", "--format", "arrow");
        var first = Snapshot(s.OutputFolder);
        var rerun = s.StitchOk("first", "--format", "arrow");
        Assert.Equal(0, rerun.Summary.GetProperty("events_stitched").GetInt64());
        var second = Snapshot(s.OutputFolder);
        foreach (var table in GraphTables) Assert.True(first[table + ".arrow"].SequenceEqual(second[table + ".arrow"]), table);

        s.StitchOk("csv-1");
        var csv = s.GraphTablesWithoutRunId();
        s.StitchOk("csv-2");
        Assert.Equal(csv, s.GraphTablesWithoutRunId());
    }

    /// <remarks>
    /// With Arrow outputs the state leaves the attribution, audit and profile values to the published output tables:
    /// every run but the last then writes Arrow (the last writes CSV, which the comparison reads), so each restore reads them.
    /// </remarks>
    [Theory]
    [InlineData("csv")]
    [InlineData("arrow")]
    public void IncrementalSequence_EqualsOneFullRun(string format)
    {
        using var incremental = new StitchScenario();
        for (var day = 0; day < Days.Length; day++)
        {
            // The input grows: each run sees every file so far; state and the partition window skip the old events.
            incremental.Events(Days[day], $"_{day}");
            var run = incremental.StitchOk($"day-{day}", "--format", day == Days.Length - 1 ? "csv" : format);
            Assert.Equal(day == 0 ? "full" : "incremental", run.Summary.GetProperty("mode").GetString());
        }
        using var full = new StitchScenario();
        for (var day = 0; day < Days.Length; day++) full.Events(Days[day], $"_{day}");
        full.StitchOk("all");

        var expected = full.GraphTablesWithoutRunId();
        Assert.Equal(expected, incremental.GraphTablesWithoutRunId());
        // The case is not trivial: it merges, demotes, quarantines and expires.
        foreach (var change in new[] { "profile_merged", "value_demoted", "value_quarantined", "value_expired", "merge_refused" })
            Assert.Contains(full.Audit(), a => a["change_type"] == change);

        // --full on the incremental output ignores the state and gives the same graph again.
        incremental.StitchOk("rebuilt", "--full");
        Assert.Equal(expected, incremental.GraphTablesWithoutRunId());
    }

    [Fact]
    public void IncrementalSequence_StateRestoredOnOneThreadOrTwo_GivesTheSameGraph()
    {
        // With two threads the values are restored on one and the attribution rows and audit on the other.
        Dictionary<string, string> Graph(string threads)
        {
            using var s = new StitchScenario();
            for (var day = 0; day < Days.Length; day++)
            {
                s.Events(Days[day], $"_{day}");
                s.StitchOk($"day-{day}", "--threads", threads);
            }
            return s.GraphTablesWithoutRunId();
        }

        Assert.Equal(Graph("1"), Graph("2"));
    }

    [Fact]
    public void StateProfileWithoutCreatedSequence_Exit3SayingRerunWithFull()
    {
        var run = RunOnDamagedState("profiles", "created_sequence", b =>
            new Int64Array.Builder().AppendRange(Enumerable.Range(1, b.Length - 1).Select(i => (long)i)).AppendNull().Build()); // the last profile's
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("a null in created_sequence", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("rerun with --full", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void StateProfileWithoutId_Exit3SayingRerunWithFull()
    {
        var run = RunOnDamagedState("profiles", "id", b => new StringArray.Builder()
            .AppendRange(Enumerable.Range(0, b.Length - 1).Select(i => ((StringArray)b.Column("id")).GetString(i))).AppendNull().Build());
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("a null in id", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("rerun with --full", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void StateNamingValueStatesProfilesById_AsWrittenBefore_GivesTheSameGraph()
    {
        // value_states names profiles by their row in profiles; a state written before named them by id. Each run's
        // state is rewritten in that layout before the next run reads it.
        using var incremental = new StitchScenario();
        var named = (Current: 0, Touched: 0);
        for (var day = 0; day < Days.Length; day++)
        {
            incremental.Events(Days[day], $"_{day}");
            incremental.StitchOk($"day-{day}");
            if (day < Days.Length - 1)
            {
                var (current, touched) = NameValueStateProfilesById(incremental.OutputFolder);
                named = (named.Current + current, named.Touched + touched);
            }
        }
        using var full = new StitchScenario();
        for (var day = 0; day < Days.Length; day++) full.Events(Days[day], $"_{day}");
        full.StitchOk("all");

        Assert.Equal(full.GraphTablesWithoutRunId(), incremental.GraphTablesWithoutRunId());
        Assert.True(named.Current > 0 && named.Touched > 0, $"{named}: the earlier layout's profiles were read");
    }

    [Fact]
    public void StateProfilesInAnotherRowOrder_ValueStatesFollowingThem_GivesTheSameGraph()
    {
        // value_states names profiles by their row in profiles.arrow: the restore maps rows to profiles, whatever their order.
        using var incremental = new StitchScenario();
        for (var day = 0; day < Days.Length; day++)
        {
            incremental.Events(Days[day], $"_{day}");
            incremental.StitchOk($"day-{day}");
            if (day < Days.Length - 1) ReverseStateProfiles(incremental.OutputFolder);
        }
        using var full = new StitchScenario();
        for (var day = 0; day < Days.Length; day++) full.Events(Days[day], $"_{day}");
        full.StitchOk("all");
        Assert.Equal(full.GraphTablesWithoutRunId(), incremental.GraphTablesWithoutRunId());
    }

    [Fact]
    public void ValueStatesNamingAProfileRowNotThere_Exit3SayingRerunWithFull()
    {
        var run = RunOnDamagedState("value_states", "current_profile", b => new Int64Array.Builder().AppendRange(Enumerable.Repeat(999_999L, b.Length)).Build());
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("value_states names profile row 999999", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("rerun with --full", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyNewFiles_ContinueTheGraphFromState()
    {
        using var s = new StitchScenario();
        s.Events(Days[0], "_0");
        s.StitchOk("day-0");
        var v3 = s.ProfileOf("v3");
        s.Remove("page_views_0.csv");
        s.Events(Days[1], "_1");
        var run = s.StitchOk("day-1");
        Assert.Equal(6, run.Summary.GetProperty("events_processed").GetInt64());
        Assert.Equal(v3, s.ProfileOf("v1")); // earlier events stay in the tables
        Assert.Equal(v3, s.ProfileOf("w1")); // and v3's profile is found from state (a2, d1)
        Assert.True(Directory.Exists(Path.Combine(s.OutputFolder, "_state")));
        Assert.True(File.Exists(Path.Combine(s.OutputFolder, "_SUCCESS")));
    }

    private static readonly string[] GraphTables =
    [
        "identity_event_profiles", "identity_event_profile_attribution", "identity_event_profile_identifier_values",
        "identity_event_profile_redirects", "identity_event_profile_audit_events",
    ];

    /// <summary>
    /// Rewrites the state's value_states in the layout of states written before profiles were named by row: each profile
    /// by its id (current_profile_id, touched). Returns how many current and touched profiles it named.
    /// </summary>
    private static (int Current, int Touched) NameValueStateProfilesById(string outputFolder)
    {
        var state = Path.Combine(outputFolder, "_state");
        var ids = Batches(Path.Combine(state, "profiles.arrow"))
            .SelectMany(b => Enumerable.Range(0, b.Length).Select(r => ((StringArray)b.Column(b.Schema.GetFieldIndex("id"))).GetString(r)))
            .ToList();
        var file = Path.Combine(state, "value_states.arrow");
        var batches = Batches(file);
        var (current, touched) = (0, 0);
        var rewritten = new List<RecordBatch>();
        foreach (var batch in batches)
        {
            var rows = (Int64Array)batch.Column(batch.Schema.GetFieldIndex("current_profile"));
            var lists = (ListArray)batch.Column(batch.Schema.GetFieldIndex("touched_profiles"));
            var items = (Int64Array)lists.Values;
            var currentIds = new StringArray.Builder();
            var touchedIds = new ListArray.Builder(StringType.Default);
            var touchedItems = (StringArray.Builder)touchedIds.ValueBuilder;
            for (var r = 0; r < batch.Length; r++)
            {
                if (rows.GetValue(r) is { } row)
                {
                    currentIds.Append(ids[(int)row]);
                    current++;
                }
                else currentIds.AppendNull();
                touchedIds.Append();
                for (var i = lists.ValueOffsets[r]; i < lists.ValueOffsets[r + 1]; i++, touched++) touchedItems.Append(ids[(int)items.GetValue(i)!.Value]);
            }
            var fields = batch.Schema.FieldsList.Select(f => f.Name switch
            {
                "current_profile" => new Field("current_profile_id", StringType.Default, true),
                "touched_profiles" => new Field("touched", new ListType(new Field("item", StringType.Default, true)), true),
                _ => f,
            });
            var columns = batch.Schema.FieldsList.Select((f, i) => f.Name switch
            {
                "current_profile" => currentIds.Build(),
                "touched_profiles" => touchedIds.Build(),
                _ => batch.Column(i),
            });
            rewritten.Add(new RecordBatch(new Schema(fields, null), columns, batch.Length));
        }
        Rewrite(file, rewritten);
        return (current, touched);
    }

    /// <summary>Writes the state's profiles.arrow with its rows reversed, and value_states' profile rows to match.</summary>
    private static void ReverseStateProfiles(string outputFolder)
    {
        var state = Path.Combine(outputFolder, "_state");
        var profilesFile = Path.Combine(state, "profiles.arrow");
        var profiles = Batches(profilesFile);
        var rows = profiles.Sum(b => b.Length);
        Assert.Single(profiles); // a small state: one batch
        var reversed = profiles[0];
        Rewrite(profilesFile, [new RecordBatch(reversed.Schema, reversed.Schema.FieldsList.Select((_, i) => Reversed(reversed.Column(i))), rows)]);
        long Moved(long row) => rows - 1 - row;
        var statesFile = Path.Combine(state, "value_states.arrow");
        Rewrite(statesFile, Batches(statesFile).Select(b =>
        {
            var current = (Int64Array)b.Column(b.Schema.GetFieldIndex("current_profile"));
            var currentMoved = new Int64Array.Builder();
            for (var r = 0; r < b.Length; r++)
                if (current.GetValue(r) is { } row) currentMoved.Append(Moved(row));
                else currentMoved.AppendNull();
            var touched = (ListArray)b.Column(b.Schema.GetFieldIndex("touched_profiles"));
            var touchedMoved = new ListArray.Builder(Int64Type.Default);
            var items = (Int64Array.Builder)touchedMoved.ValueBuilder;
            for (var r = 0; r < b.Length; r++)
            {
                touchedMoved.Append();
                for (var i = touched.ValueOffsets[r]; i < touched.ValueOffsets[r + 1]; i++) items.Append(Moved(((Int64Array)touched.Values).GetValue(i)!.Value));
            }
            return Replaced(Replaced(b, "current_profile", currentMoved.Build()), "touched_profiles", touchedMoved.Build());
        }).ToList());
    }

    private static IArrowArray Reversed(IArrowArray column)
    {
        var rows = Enumerable.Range(0, column.Length).Reverse();
        switch (column)
        {
            case StringArray texts:
                var text = new StringArray.Builder();
                foreach (var r in rows) text.Append(texts.GetString(r));
                return text.Build();
            case TimestampArray instants:
                var instant = new TimestampArray.Builder((TimestampType)instants.Data.DataType);
                foreach (var r in rows)
                    if (instants.GetTimestamp(r) is { } value) instant.Append(value);
                    else instant.AppendNull();
                return instant.Build();
            case Int64Array numbers:
                var number = new Int64Array.Builder();
                foreach (var r in rows)
                    if (numbers.GetValue(r) is { } value) number.Append(value);
                    else number.AppendNull();
                return number.Build();
            default:
                throw new NotSupportedException(column.Data.DataType.Name);
        }
    }

    /// <summary>Stitches day 0, replaces one column of one of its state tables, then stitches day 1 on that state.</summary>
    private static CliRunner.Result RunOnDamagedState(string table, string column, Func<RecordBatch, IArrowArray> replacement)
    {
        using var s = new StitchScenario().Events(Days[0], "_0");
        s.StitchOk("day-0");
        var file = Path.Combine(s.OutputFolder, "_state", table + ".arrow");
        Rewrite(file, [.. Batches(file).Select(b => Replaced(b, column, replacement(b)))]);
        s.Events(Days[1], "_1");
        return s.Stitch("day-1");
    }

    private static RecordBatch Replaced(RecordBatch batch, string column, IArrowArray values) =>
        new(batch.Schema, batch.Schema.FieldsList.Select((f, i) => f.Name == column ? values : batch.Column(i)), batch.Length);

    private static void Rewrite(string file, IReadOnlyList<RecordBatch> batches)
    {
        using var stream = File.Create(file);
        using var writer = new ArrowFileWriter(stream, batches[0].Schema);
        foreach (var batch in batches) writer.WriteRecordBatch(batch);
        writer.WriteEnd();
    }

    private static List<RecordBatch> Batches(string file)
    {
        using var reader = new ArrowFileReader(File.OpenRead(file));
        var batches = new List<RecordBatch>();
        while (reader.ReadNextRecordBatch() is { } batch) batches.Add(batch);
        return batches;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) => ResolveScenario.Snapshot(folder);
}
