using Dinmo.IrEngine.Macro.Compare;
using Dinmo.IrEngine.Macro.Data;
using Dinmo.IrEngine.Macro.Engine;
using Dinmo.IrEngine.Macro.Sql;

namespace Dinmo.IrEngine.Macro;

/// <summary>Everything measured at one size: the data, the engine run(s), the DuckDB run, their agreement.</summary>
internal sealed record SizeResult(
    BenchSize Size,
    DemoDataSet Data,
    EngineResult Engine,
    EngineResult? SingleThread,
    SqlRun? Sql,
    PartitionAgreement? Agreement)
{
    /// <summary>DuckDB wall time over the engine's: above 1 means the engine is faster.</summary>
    public double? SpeedRatio => Sql is null ? null : Sql.Process.WallSeconds / Engine.Process.WallSeconds;

    public double SecondsPerRecord => Engine.Process.WallSeconds / Engine.Records;
}
