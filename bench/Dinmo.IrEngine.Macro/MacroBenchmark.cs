using System.Globalization;
using Dinmo.IrEngine.Macro.Compare;
using Dinmo.IrEngine.Macro.Data;
using Dinmo.IrEngine.Macro.Engine;
using Dinmo.IrEngine.Macro.Report;
using Dinmo.IrEngine.Macro.Sql;

namespace Dinmo.IrEngine.Macro;

/// <summary>
/// The macro benchmark, size by size: generate (or reuse) demo data, run <c>irengine resolve</c>
/// (plus a single-threaded run at the first size for the scaling check), run the same graph in
/// DuckDB SQL, compare the partitions, then print the Markdown report. Progress goes to stderr,
/// the report to stdout.
/// </summary>
internal static class MacroBenchmark
{
    public static int Run(MacroOptions options)
    {
        var engine = EngineCli.Locate(options.EngineDll);
        var machine = Machine.Describe();
        var results = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            var runs = Path.Combine(options.WorkDirectory, "runs", $"{size.Label}-seed{options.Seed}");
            Log($"{size.Label}: data ({size.Persons:N0} persons)");
            var data = DemoDataSet.Ensure(engine, options.WorkDirectory, size, options.Seed);
            Log(data.Generation is { } g ? $"{size.Label}: generated in {g.WallSeconds:F1} s, peak {Bytes.GiB(g.PeakRssBytes)}" : $"{size.Label}: cached in {data.Directory}");

            var main = EngineRun.Run(engine, data, Path.Combine(runs, $"engine-t{options.Threads}"), options.Threads);
            Log($"{size.Label}: engine, {options.Threads} threads: {main.Process.WallSeconds:F1} s, {main.Records:N0} records, peak {Bytes.GiB(main.Process.PeakRssBytes)}");

            EngineResult? single = null;
            if (options.ThreadScaling && results.Count == 0 && options.Threads != 1)
            {
                single = EngineRun.Run(engine, data, Path.Combine(runs, "engine-t1"), 1);
                EngineRun.DropTables(single);
                Log($"{size.Label}: engine, 1 thread: {single.Process.WallSeconds:F1} s");
            }

            SqlRun? sql = null;
            PartitionAgreement? agreement = null;
            if (options.Sql)
            {
                sql = SqlRun.Execute(data, Path.Combine(runs, "duckdb"), options.Threads);
                Log($"{size.Label}: DuckDB: {sql.Process.WallSeconds:F1} s, {sql.Result.Rounds} label-propagation rounds");
                agreement = PartitionComparison.Compare(main.OutputDirectory, sql.MembershipPath, Path.GetDirectoryName(sql.MembershipPath)!);
                Log($"{size.Label}: partitions differ for {agreement.PartitionDiffers:N0} of {agreement.BothResolved:N0} records both resolve");
            }
            if (!options.KeepOutputs) EngineRun.DropTables(main);
            results.Add(new SizeResult(size, data, main, single, sql, agreement));
            // Written after every size, so a larger size that fails still leaves the smaller ones' report.
            if (options.ReportPath is { } path) File.WriteAllText(path, MacroReport.Markdown(options, results, machine));
        }

        Console.Write(MacroReport.Markdown(options, results, machine));
        return 0;
    }

    private static void Log(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");
}
