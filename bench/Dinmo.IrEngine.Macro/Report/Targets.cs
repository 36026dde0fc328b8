using System.Globalization;

namespace Dinmo.IrEngine.Macro.Report;

/// <summary>
/// Issue 6's targets on the 2-core machine, checked against the measurements: ≥ 10× faster than
/// DuckDB; 10M records end to end in ≤ 15 s and ≤ 6 GiB peak; time per record from 1M to 10M grows
/// ≤ 1.3×; two threads ≥ 1.7× faster than one.
/// </summary>
internal static class Targets
{
    private const double SpeedOverDuckDb = 10, TenMillionSeconds = 15, TenMillionGiB = 6, PerRecordGrowth = 1.3, TwoThreadSpeedUp = 1.7;
    private const long TenMillion = 10_000_000;

    public static IEnumerable<Target> Check(IReadOnlyList<SizeResult> results)
    {
        var ratios = results.Where(r => r.SpeedRatio is not null).ToList();
        yield return new Target($"≥ {SpeedOverDuckDb:0}× faster than DuckDB SQL",
            ratios.Count == 0 ? "—" : string.Join(", ", ratios.Select(r => $"{r.Size.Label}: {F(r.SpeedRatio!.Value)}×")),
            ratios.Count == 0 ? null : ratios.All(r => r.SpeedRatio >= SpeedOverDuckDb));

        var ten = results.FirstOrDefault(r => r.Size.Records == TenMillion);
        yield return ten is null
            ? new Target($"10M records end to end ≤ {TenMillionSeconds:0} s, ≤ {TenMillionGiB:0} GiB peak", "10M not run", null)
            : new Target($"10M records end to end ≤ {TenMillionSeconds:0} s, ≤ {TenMillionGiB:0} GiB peak",
                $"{F(ten.Engine.Process.WallSeconds)} s, {Bytes.GiB(ten.Engine.Process.PeakRssBytes)}",
                ten.Engine.Process.WallSeconds <= TenMillionSeconds && ten.Engine.Process.PeakRssBytes <= TenMillionGiB * Bytes.PerGiB);

        var smallest = results.MinBy(r => r.Size.Records);
        var largest = results.MaxBy(r => r.Size.Records);
        var growthGoal = $"time per record 1M → 10M grows ≤ {PerRecordGrowth}×";
        if (smallest is null || largest is null || smallest == largest) yield return new Target(growthGoal, "one size only", null);
        else
        {
            var growth = largest.SecondsPerRecord / smallest.SecondsPerRecord;
            var exact = smallest.Size.Records == 1_000_000 && largest.Size.Records == TenMillion;
            yield return new Target(growthGoal, $"{smallest.Size.Label} → {largest.Size.Label}: {F(growth)}×",
                exact ? growth <= PerRecordGrowth : null);
        }

        var scaling = results.FirstOrDefault(r => r.SingleThread is not null);
        yield return scaling is null
            ? new Target($"{results.FirstOrDefault()?.Engine.Threads ?? 2} threads ≥ {TwoThreadSpeedUp}× faster than 1", "not run", null)
            : new Target($"{scaling.Engine.Threads} threads ≥ {TwoThreadSpeedUp}× faster than 1",
                $"{scaling.Size.Label}: {F(scaling.SingleThread!.Process.WallSeconds / scaling.Engine.Process.WallSeconds)}×",
                scaling.SingleThread.Process.WallSeconds / scaling.Engine.Process.WallSeconds >= TwoThreadSpeedUp);
    }

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
