using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// One model's rows as read, before the models are joined: entity keys, order instants, raw
/// identifier cells (<see cref="RawObservations.Record"/> holds positions within this model) and
/// golden field values. Owned by <see cref="RecordLoader"/> until it has copied them into the run's columns.
/// </summary>
internal sealed class ModelPart(FieldColumn[] fields) : IDisposable
{
    public Utf8Column Keys { get; } = new();
    public GrowableArray<long> Orders { get; } = new();
    public RawObservations Raw { get; } = new();
    public FieldColumn[] Fields { get; } = fields;

    public void Dispose()
    {
        Keys.Dispose();
        Orders.Dispose();
        Raw.Dispose();
        foreach (var field in Fields) field.Dispose();
    }
}
