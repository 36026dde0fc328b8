using Apache.Arrow;
using Dinmo.IrEngine.Generate;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Stitch;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// A large model is read in slices of row groups on several threads, then merged back in order
/// (<see cref="ReadSlice"/>): how it is cut must change no output.
/// </summary>
public sealed class ReadSliceTests
{
    [Fact]
    public void Plan_CutsOnlyModelsLargerThanAShareAtRowGroups()
    {
        var big = new FakeSource(rowGroups: Enumerable.Repeat(100_000L, 10).ToArray());
        var small = new FakeSource(rows: 200_000);
        var slices = ReadSlice.Plan([[big], [small]], threads: 2); // a thread's share: 1.2M rows / 2 = 600k; 600k and 400k + 200k

        Assert.Equal([(0, 0, 600_000L), (0, 1, 400_000L), (1, 0, 200_000L)], slices.Select(s => (s.Model, s.Index, s.Rows!.Value)));
        Assert.Equal([(0, 6), (6, 4)], slices.Take(2).Select(s => (s.Ranges.Single().FirstRowGroup, s.Ranges.Single().RowGroups)));
    }

    [Fact]
    public void Plan_CutsInHalfAThreadsShare_WhenAThreadsShareLeavesOneThreadBehind()
    {
        // A thread's share (725k) leaves the big model's two row groups as they are, and one thread would read 950k:
        // with half a share (362k) the small model is cut too.
        var big = new FakeSource(rowGroups: [500_000L, 500_000L]);
        var small = new FakeSource(rowGroups: Enumerable.Repeat(50_000L, 9).ToArray());
        var slices = ReadSlice.Plan([[big], [small]], threads: 2);

        Assert.Equal([(0, 0, 500_000L), (0, 1, 500_000L), (1, 0, 350_000L), (1, 1, 100_000L)], slices.Select(s => (s.Model, s.Index, s.Rows!.Value)));
        Assert.False(ReadSlice.Balanced(ReadSlice.Plan([[big], [new FakeSource(rowGroups: [450_000L])]], threads: 2), threads: 2, perThread: 725_000));
    }

    [Fact]
    public void Plan_CutsInAThreadsShare_WhenTheThreadsStayEven()
    {
        // The generator's 10M events: page views in row groups, three smaller models. With a thread's share (5M rows) the
        // page views are two slices, and the thread with the smaller one takes the other models: 5.0M rows each.
        var pageViews = new FakeSource(rowGroups: Enumerable.Repeat(100_000L, 68).ToArray());
        var slices = ReadSlice.Plan([[pageViews], [new FakeSource(rows: 1_800_000)], [new FakeSource(rows: 800_000)], [new FakeSource(rows: 600_000)]],
            threads: 2);

        Assert.Equal([(0, 0, 5_000_000L), (0, 1, 1_800_000L), (1, 0, 1_800_000L), (2, 0, 800_000L), (3, 0, 600_000L)],
            slices.Select(s => (s.Model, s.Index, s.Rows!.Value)));
        Assert.True(ReadSlice.Balanced(slices, threads: 2, perThread: 5_000_000));
        Assert.False(ReadSlice.Balanced(slices, threads: 3, perThread: 10_000_000 / 3)); // the 5M slice alone is half the rows
    }

    [Fact]
    public void Plan_OneSlicePerModel_WithOneThreadOrUnknownRowCounts()
    {
        var big = new FakeSource(rowGroups: Enumerable.Repeat(100_000L, 10).ToArray());
        Assert.Single(ReadSlice.Plan([[big]], threads: 1));
        var slices = ReadSlice.Plan([[big], [new FakeSource(rows: null)]], threads: 2);
        Assert.Equal([(0, -1), (1, -1)], slices.Select(s => (s.Model, s.Ranges.Single().RowGroups)));
    }

    /// <summary>
    /// Page views rewritten as row groups of 10,000 rows (about 100,000 rows: cut in two with two threads), stitched
    /// with one and two threads: the same bytes, and the same tables as from the file in one row group.
    /// </summary>
    [Fact]
    public void SlicedRead_SameOutputsAsOneRead()
    {
        using var dir = new TempDirectory();
        var generated = EventGenerator.Write(dir.File("events"), 150_000, 7);
        string Stitch(string name, int threads, string format = "arrow")
        {
            var output = dir.File(name);
            var run = CliRunner.Run(["stitch", generated.ConfigFile, "--out", output, "--run-id", "pinned", "--format", format,
                "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.True(run.ExitCode == 0, run.StdErr);
            return string.Join("\n", Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("run_summary.json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)} {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}"));
        }
        var whole = Stitch("whole", 2, "csv");

        var pageViews = Path.Combine(dir.File("events"), "page_views.parquet");
        Assert.True(RewriteInRowGroups(pageViews, 10_000) > ReadSlice.MinRows);
        Assert.Equal(whole, Stitch("sliced-csv", 2, "csv"));
        Assert.Equal(Stitch("one-thread", 1), Stitch("two-threads", 2));
    }

    /// <summary>
    /// Slices of one Parquet file are read by several threads at once (one native reader shared by two threads
    /// failed a 10M-event run with "ReadRangeCache did not find matching cache entry"): each read gets the rows
    /// a whole read gives there.
    /// </summary>
    [Fact]
    public async Task RowGroupsOfOneFile_ReadOnTwoThreadsAtOnce()
    {
        using var dir = new TempDirectory();
        EventGenerator.Write(dir.File("events"), 200_000, 7);
        var file = Path.Combine(dir.File("events"), "page_views.parquet");
        RewriteInRowGroups(file, 2_000);
        using var source = new ParquetSource(file);
        Assert.True(source.RowGroupCount > 10);
        static long[] Timestamps(IEnumerable<RecordBatch> batches) =>
            [.. batches.SelectMany(batch => { using (batch) return ((TimestampArray)batch.Column("ts")).Values.ToArray(); })];
        var whole = Timestamps(source.ReadBatches());
        var half = source.RowGroupCount / 2;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var first = Task.Run(() => Timestamps(source.ReadRowGroups(0, half)));
            var second = Task.Run(() => Timestamps(source.ReadRowGroups(half, source.RowGroupCount - half)));
            long[] both = [.. await first, .. await second];
            Assert.Equal(whole, both);
        }
    }

    /// <summary>
    /// Hand-made page views in two Parquet files of row groups of 7 rows, with primary keys repeated across files
    /// and row groups, null and empty keys, and a second, incremental run over a third file whose partitions are
    /// partly older than the window. Read in slices of a few row groups on three threads (across the file
    /// boundary), every table is the bytes of one read on one thread, in both runs.
    /// </summary>
    [Fact]
    public void SlicedRead_DuplicateAndNullKeys_AcrossFiles_AndAnIncrementalRun()
    {
        using var one = new TempDirectory();
        using var many = new TempDirectory();
        var config = StitchScenario.WebConfig.Replace("page_views*.csv", "page_views_*.parquet", StringComparison.Ordinal);
        string Stitch(TempDirectory dir, int threads, string run)
        {
            File.WriteAllText(dir.File("events.json"), config);
            StitchPipeline.Run(new StitchOptions
            {
                ConfigPath = dir.File("events.json"), OutputDirectory = dir.File("out"), RunId = run, Format = Dinmo.IrEngine.Config.OutputFormat.Csv,
                Threads = threads, MinSliceRows = 1,
            });
            return string.Join("\n", Directory.GetFiles(dir.File("out"), "*.csv").Order(StringComparer.Ordinal)
                .Select(f => $"{Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
        }
        foreach (var dir in new[] { one, many })
        {
            WritePageViews(dir.File("page_views_1.parquet"), first: 0, count: 60, day: 1);
            WritePageViews(dir.File("page_views_2.parquet"), first: 40, count: 60, day: 3); // keys 40-59 repeat file 1's
        }
        var full = Stitch(one, 1, "run-1");
        Assert.Equal(full, Stitch(many, 3, "run-1"));
        Assert.Contains("duplicate_primary_key", full, StringComparison.Ordinal);
        Assert.Contains("null_primary_key", full, StringComparison.Ordinal);

        foreach (var dir in new[] { one, many }) WritePageViews(dir.File("page_views_3.parquet"), first: 90, count: 50, day: 2); // days 2-4: partly before the window
        var incremental = Stitch(one, 1, "run-2");
        Assert.Equal(incremental, Stitch(many, 3, "run-2"));
        Assert.NotEqual(full, incremental);
    }

    /// <summary>
    /// <paramref name="count"/> page views with keys <c>pv-{first}</c>… in row groups of 7 rows: every 13th key
    /// null and every 17th empty, visitors shared by 5 events, a device by 11, a login every 9th event, and
    /// partitions from <paramref name="day"/> over three days.
    /// </summary>
    private static void WritePageViews(string file, int first, int count, int day)
    {
        var columns = Enumerable.Range(0, 7).Select(_ => new StringArray.Builder()).ToArray();
        for (var i = first; i < first + count; i++)
        {
            var date = $"2024-03-{day + (i - first) * 3 / count:00}";
            string?[] row =
            [
                i % 13 == 0 ? null : i % 17 == 0 ? "" : $"pv-{i:000}", $"{date}T{i % 24:00}:{i % 60:00}:00Z", date,
                $"anon-{i / 5}", i % 9 == 0 ? $"u-{i / 20}" : null, $"dev-{i / 11}", $"s-{i / 4}",
            ];
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } value) columns[c].Append(value);
                else columns[c].AppendNull();
            }
        }
        var names = StitchScenario.Header.Trim().Split(',');
        var schema = new Schema(names.Select(n => new Field(n, Apache.Arrow.Types.StringType.Default, true)), null);
        using var batch = new RecordBatch(schema, columns.Select(c => (IArrowArray)c.Build()), count);
        using var writer = new ParquetSharp.Arrow.FileWriter(file, schema);
        writer.WriteRecordBatch(batch, chunkSize: 7);
        writer.Close();
    }

    /// <summary>Rewrites a Parquet file with row groups of <paramref name="rowsPerGroup"/> rows; returns its row count.</summary>
    private static long RewriteInRowGroups(string file, int rowsPerGroup)
    {
        var copy = file + ".copy";
        long rows = 0;
        using (var source = new ParquetSource(file))
        using (var output = new ParquetSharp.Arrow.FileWriter(copy, source.Schema))
        {
            foreach (var batch in source.ReadBatches())
            {
                using (batch) output.WriteRecordBatch(batch, chunkSize: rowsPerGroup);
                rows += batch.Length;
            }
            output.Close();
        }
        File.Move(copy, file, overwrite: true);
        using var check = new ParquetSource(file);
        Assert.True(check.RowGroupCount > 1);
        return rows;
    }

    private sealed class FakeSource(long? rows = null, long[]? rowGroups = null) : IRowGroupSource
    {
        public string File => "fake";
        public Schema Schema => new([], null);
        public long? RowCount => rowGroups?.Sum() ?? rows;
        public int RowGroupCount => rowGroups?.Length ?? 1;
        public long RowGroupRows(int rowGroup) => rowGroups![rowGroup];
        public IEnumerable<RecordBatch> ReadBatches() => [];
        public IEnumerable<RecordBatch> ReadRowGroups(int first, int count) => [];
        public void Dispose() { }
    }
}
