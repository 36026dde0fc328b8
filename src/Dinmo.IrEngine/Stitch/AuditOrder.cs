using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>The order of audit rows: the event that caused them (timestamp, model, key), then step.</summary>
internal sealed class AuditOrder : IComparer<AuditEvent>
{
    public static readonly AuditOrder Instance = new();

    public int Compare(AuditEvent? x, AuditEvent? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        var order = x!.EventTimestamp.CompareTo(y!.EventTimestamp);
        if (order != 0) return order;
        order = CodePointOrder.Instance.Compare(x.ModelName, y.ModelName);
        if (order != 0) return order;
        order = x.Key.CompareTo(y.Key);
        return order != 0 ? order : x.Step.CompareTo(y.Step);
    }
}
