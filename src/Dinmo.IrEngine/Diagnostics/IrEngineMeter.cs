using System.Diagnostics.Metrics;

namespace Dinmo.IrEngine.Diagnostics;

/// <summary>
/// The <c>Dinmo.IrEngine</c> Meter: rows read and written, each stage's duration, and the record rate
/// of the run (records read per second of the stages so far) — for
/// <c>dotnet-counters monitor --counters Dinmo.IrEngine</c> or any OpenTelemetry listener.
/// </summary>
internal static class IrEngineMeter
{
    public const string Name = "Dinmo.IrEngine";

    private static readonly Meter Meter = new(Name);

    /// <summary>Records read from the inputs.</summary>
    public static readonly Counter<long> RecordsRead = Meter.CreateCounter<long>("irengine.records.read", "{record}", "Records read from the inputs");

    /// <summary>Rows written to output tables, tagged with the table.</summary>
    public static readonly Counter<long> RowsWritten = Meter.CreateCounter<long>("irengine.rows.written", "{row}", "Rows written to output tables");

    /// <summary>Duration of each pipeline stage, tagged with the stage.</summary>
    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("irengine.stage.duration", "s", "Duration of a pipeline stage");

    private static long _records;
    private static double _seconds;

    static IrEngineMeter() =>
        Meter.CreateObservableGauge("irengine.records.rate", () => _seconds > 0 ? Volatile.Read(ref _records) / _seconds : 0.0,
            "{record}/s", "Records read per second of pipeline time so far");

    public static void Read(long records)
    {
        RecordsRead.Add(records);
        Interlocked.Add(ref _records, records);
    }

    public static void Stage(string stage, TimeSpan elapsed)
    {
        StageDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));
        _seconds += elapsed.TotalSeconds;
    }

    public static void Written(string table, long rows) => RowsWritten.Add(rows, new KeyValuePair<string, object?>("table", table));
}
