using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>The order of attribution rows: model, key (null first), timestamp, reason — strings in code point order.</summary>
internal sealed class AttributionOrder : IComparer<Attribution>
{
    public static readonly AttributionOrder Instance = new();

    public int Compare(Attribution? x, Attribution? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        var order = CodePointOrder.Instance.Compare(x!.ModelName, y!.ModelName);
        if (order != 0) return order;
        order = CodePointOrder.Instance.Compare(x.EventKey, y.EventKey);
        if (order != 0) return order;
        order = x.EventTimestamp.CompareTo(y.EventTimestamp);
        return order != 0 ? order : CodePointOrder.Instance.Compare(x.Reason, y.Reason);
    }
}
