using System.Globalization;
using System.Text;

namespace Dinmo.IrEngine.Macro.Report;

/// <summary>
/// The benchmark's Markdown report: machine and command, the summary table (size, engine wall
/// time, records/s, peak RSS, DuckDB wall time, ratio, agreement), engine stages, DuckDB steps,
/// thread scaling, the agreement in detail, and the targets.
/// </summary>
internal static class MacroReport
{
    public static string Markdown(MacroOptions options, IReadOnlyList<SizeResult> results, Machine machine)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine.Processor}, {machine.Cores} cores, {Bytes.GiB(machine.MemoryBytes)} RAM; {machine.Runtime}; DuckDB {machine.DuckDb} (DuckDB.NET), {options.Threads} threads on both sides.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"    dotnet run -c Release --project bench/Dinmo.IrEngine.Macro -- {string.Join(' ', options.Arguments)}");
        md.AppendLine();
        foreach (var r in results)
        {
            md.AppendLine(r.Data.Generation is { } g
                ? $"Data {r.Size.Label}: {r.Size.Persons:N0} persons generated in {g.WallSeconds:F1} s, generator peak RSS {Bytes.GiB(g.PeakRssBytes)}.  "
                : $"Data {r.Size.Label}: {r.Size.Persons:N0} persons, reused from the cache.  ");
        }
        md.AppendLine();
        md.AppendLine("| size | records | engine wall s | records/s | engine CPU s | engine peak RSS | DuckDB wall s | DuckDB CPU s | DuckDB peak RSS | DuckDB / engine (wall) | partition agreement | load (1-min avg, engine / DuckDB) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var sql = r.Sql;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Size.Label} | {r.Engine.Records:N0} | {r.Engine.Process.WallSeconds:F1} | {r.Engine.RecordsPerSecond:N0} | {r.Engine.Process.CpuSeconds:F1} | {Bytes.GiB(r.Engine.Process.PeakRssBytes)} | {(sql is null ? "—" : sql.Process.WallSeconds.ToString("F1", CultureInfo.InvariantCulture))} | {(sql is null ? "—" : sql.Process.CpuSeconds.ToString("F1", CultureInfo.InvariantCulture))} | {(sql is null ? "—" : Bytes.GiB(sql.Process.PeakRssBytes))} | {(r.SpeedRatio is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) + "×" : "—")} | {Agreement(r)} | {r.Engine.Process.LoadMean:F1} (max {r.Engine.Process.LoadMax:F1}) / {(sql is null ? "—" : $"{sql.Process.LoadMean:F1} (max {sql.Process.LoadMax:F1})")} |");
        }
        md.AppendLine();

        Stages(md, "Engine stages, seconds (run_summary.json)", "stage", results, r => r.Engine.StageSeconds,
            [("engine elapsed (run_summary)", r => r.Engine.EngineSeconds), ("engine peak memory (run_summary), GiB", r => r.Engine.EnginePeakMemoryBytes / Bytes.PerGiB)]);
        if (results.Any(r => r.Sql is not null))
            Stages(md, "DuckDB steps, seconds", "step", results, r => r.Sql?.Result.StepSeconds ?? [],
                [("label-propagation rounds", r => r.Sql?.Result.Rounds ?? 0), ("edges", r => r.Sql?.Result.Edges ?? 0)]);

        foreach (var r in results.Where(r => r.SingleThread is not null))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Thread scaling at {r.Size.Label}:");
            md.AppendLine();
            md.AppendLine("| threads | wall s | records/s | CPU s | peak RSS | speed-up | load (1-min avg) |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var run in new[] { r.SingleThread!, r.Engine })
                md.AppendLine(CultureInfo.InvariantCulture, $"| {run.Threads} | {run.Process.WallSeconds:F1} | {run.RecordsPerSecond:N0} | {run.Process.CpuSeconds:F1} | {Bytes.GiB(run.Process.PeakRssBytes)} | {r.SingleThread!.Process.WallSeconds / run.Process.WallSeconds:F2}× | {run.Process.LoadMean:F1} |");
            md.AppendLine();
        }

        AgreementDetail(md, results);

        md.AppendLine("| target | measured | verdict |");
        md.AppendLine("|---|---|---|");
        foreach (var target in Targets.Check(results)) md.AppendLine(CultureInfo.InvariantCulture, $"| {target.Goal} | {target.Measured} | {target.Verdict} |");
        return md.ToString();
    }

    private static string Agreement(SizeResult r) => r.Agreement is not { } a
        ? "—"
        : string.Create(CultureInfo.InvariantCulture, $"{a.AgreementRate:P3} ({a.PartitionDiffers:N0} differ)");

    private static void Stages(
        StringBuilder md, string title, string header, IReadOnlyList<SizeResult> results,
        Func<SizeResult, IReadOnlyList<KeyValuePair<string, double>>> seconds, (string Name, Func<SizeResult, double> Value)[] extras)
    {
        md.AppendLine(title + ":");
        md.AppendLine();
        md.AppendLine($"| {header} | {string.Join(" | ", results.Select(r => r.Size.Label))} |");
        md.AppendLine($"|---|{string.Concat(results.Select(_ => "---:|"))}");
        foreach (var name in results.SelectMany(r => seconds(r).Select(s => s.Key)).Distinct())
        {
            var cells = results.Select(r => seconds(r).FirstOrDefault(s => s.Key == name).Value.ToString("F2", CultureInfo.InvariantCulture));
            md.AppendLine($"| {name} | {string.Join(" | ", cells)} |");
        }
        foreach (var (name, value) in extras)
            md.AppendLine($"| {name} | {string.Join(" | ", results.Select(r => value(r).ToString("0.##", CultureInfo.InvariantCulture)))} |");
        md.AppendLine();
    }

    private static void AgreementDetail(StringBuilder md, IReadOnlyList<SizeResult> results)
    {
        foreach (var r in results)
        {
            if (r.Agreement is not { } a) continue;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Agreement at {r.Size.Label}: engine {a.EngineRecords:N0} records, SQL {a.SqlRecords:N0}; {a.StatusDiffers:N0} in different buckets; of the {a.BothResolved:N0} both resolve (unique or matched), {a.PartitionDiffers:N0} have a different cluster (engine {a.EngineClusters:N0} clusters, SQL {a.SqlClusters:N0}).");
            md.AppendLine();
            md.AppendLine("| engine bucket | SQL bucket | records |");
            md.AppendLine("|---|---|---:|");
            foreach (var cell in a.StatusMatrix)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {cell.Engine} | {cell.Sql} | {cell.Records:N0} |");
            md.AppendLine();
        }
    }
}
