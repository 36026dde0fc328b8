using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// A canonical text for an Arrow type, parameters included (<c>timestamp[Millisecond, UTC]</c>,
/// <c>decimal128(10, 2)</c>): two types are "the same type" for golden fields when their texts are
/// equal, and the text is what the error message shows.
/// </summary>
internal static class ArrowTypeText
{
    public static string Of(IArrowType type) => type switch
    {
        TimestampType t => $"timestamp[{t.Unit}, {t.Timezone ?? "no time zone"}]",
        Time32Type t => $"time32[{t.Unit}]",
        Time64Type t => $"time64[{t.Unit}]",
        DurationType t => $"duration[{t.Unit}]",
        Decimal128Type d => $"decimal128({d.Precision}, {d.Scale})",
        Decimal256Type d => $"decimal256({d.Precision}, {d.Scale})",
        FixedSizeBinaryType b => $"fixed_size_binary({b.ByteWidth})",
        DictionaryType d => $"dictionary<{Of(d.IndexType)}, {Of(d.ValueType)}>",
        ListType l => $"list<{Of(l.ValueDataType)}>",
        _ => type.Name,
    };

    /// <summary>
    /// Text columns, whatever their encoding: utf8, large utf8, string view, or dictionary-encoded
    /// text (Parquet string columns often arrive dictionary-encoded).
    /// </summary>
    public static bool IsString(IArrowType type) => type switch
    {
        DictionaryType d => IsString(d.ValueType),
        _ => type.TypeId is ArrowTypeId.String or ArrowTypeId.LargeString or ArrowTypeId.StringView,
    };
}
