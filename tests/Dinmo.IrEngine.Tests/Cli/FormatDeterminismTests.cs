using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Tests.Support;
using OutputFormat = Dinmo.IrEngine.Config.OutputFormat;

namespace Dinmo.IrEngine.Tests.Cli;

/// <summary>
/// Issue #5 determinism: the same values given as one CSV, three CSV files, Parquet or Arrow, and run
/// with 1, 2 or 8 threads, give byte-identical output tables.
/// </summary>
public sealed class FormatDeterminismTests
{
    private static readonly string[] Columns = ["id", "email", "phone", "name", "updated"];

    private static string[][] Rows()
    {
        var random = new Random(7);
        string[] names = ["martin", "martine", "marten", "durand", "dupont", "zoë", "zoe", "łukasz"];
        return Enumerable.Range(0, 300).Select(i => new[]
        {
            $"k{i:D4}", random.Next(4) == 0 ? "" : $"e{random.Next(120)}@x.com", $"0{random.Next(90)}",
            names[random.Next(names.Length)], $"2024-01-{1 + random.Next(28):D2}T10:00:00Z",
        }).ToArray();
    }

    private static string Graph(string path) => $$"""
        {
          "project": "formats",
          "models": [ { "name": "people", "path": "{{path}}", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": ["email"], "phone": ["phone"], "name": ["name"] },
                        "fields": { "name": "name" } } ],
          "identifiers": [ { "name": "email", "max_unique_values": 2 }, { "name": "phone" },
                           { "name": "name", "standardize": ["trim", "lowercase", "fold_accents"] } ],
          "rules": [ { "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] },
                     { "name": "phone + name", "criteria": [ { "identifiers": ["phone"], "match": "exact" },
                                                             { "identifiers": ["name"], "match": "fuzzy_medium" } ] } ],
          "golden": { "identifiers": { "email": "most_frequent" }, "fields": { "name": "last_non_null" } }
        }
        """;

    [Fact]
    public void SameValues_InEveryFormatSplitAndThreadCount_GiveByteIdenticalTables()
    {
        using var dir = new TempDirectory();
        var rows = Rows();
        var schema = new Schema(Columns.Select(c => new Field(c, StringType.Default, true)), null);

        WriteCsv(dir.File("csv/people.csv"), rows);
        for (var part = 0; part < 3; part++) WriteCsv(dir.File($"split/part{part}.csv"), rows.Where((_, i) => i % 3 == part).Reverse().ToArray());
        TableFileWriter.Write(OutputFormat.Parquet, dir.File("parquet/x"), "people", schema, [Batch(schema, rows)]);
        TableFileWriter.Write(OutputFormat.Arrow, dir.File("arrow/x"), "people", schema, [Batch(schema, rows)]);

        var baseline = Run(dir, "csv/people.csv", threads: 1);
        Assert.True(baseline.Count >= 9);
        var variants = new[]
        {
            ("split/*.csv", 2), ("parquet/x/people.parquet", 8), ("arrow/x/people.arrow", 2), ("csv/people.csv", 8),
        };
        foreach (var (path, threads) in variants)
        {
            var other = Run(dir, path, threads);
            Assert.Equal(baseline.Keys.Order(), other.Keys.Order());
            foreach (var (table, bytes) in baseline) Assert.True(bytes.SequenceEqual(other[table]), $"{table} differs for {path} with {threads} threads");
        }
    }

    private static void WriteCsv(string path, string[][] rows) =>
        File.WriteAllText(path, string.Join(",", Columns) + "\n" + string.Concat(rows.Select(r => string.Join(",", r) + "\n")));

    private static RecordBatch Batch(Schema schema, string[][] rows)
    {
        var arrays = Columns.Select((_, c) =>
        {
            var builder = new StringArray.Builder();
            foreach (var row in rows)
            {
                if (row[c].Length == 0) builder.AppendNull(); // CSV's unquoted empty field is a null
                else builder.Append(row[c]);
            }
            return (IArrowArray)builder.Build();
        }).ToArray();
        return new RecordBatch(schema, arrays, rows.Length);
    }

    private static Dictionary<string, byte[]> Run(TempDirectory dir, string inputPath, int threads)
    {
        var name = $"run-{Guid.NewGuid():N}";
        File.WriteAllText(dir.File($"{name}.json"), Graph(inputPath));
        var run = CliRunner.Run("resolve", Path.Combine(dir.Path, $"{name}.json"), "--out", Path.Combine(dir.Path, "out", name),
            "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--run-id", "fixed");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var tables = ResolveScenario.Snapshot(Path.Combine(dir.Path, "out", name));
        tables.Remove("run_summary.json");
        return tables;
    }
}
