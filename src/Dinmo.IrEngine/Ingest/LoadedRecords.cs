namespace Dinmo.IrEngine.Ingest;

/// <summary>What ingest hands the rest of the pipeline: records, raw identifier cells, golden field values.</summary>
internal sealed class LoadedRecords(RecordTable records, RawObservations observations, FieldColumn[] fields) : IDisposable
{
    public RecordTable Records { get; } = records;
    public RawObservations Observations { get; } = observations;

    /// <summary>Golden field columns in <c>golden.fields</c> order.</summary>
    public FieldColumn[] Fields { get; } = fields;

    public void Dispose()
    {
        Records.Dispose();
        Observations.Dispose();
        foreach (var field in Fields) field.Dispose();
    }
}
