namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Why an event went where it went (<c>identity_event_profile_attribution.reason</c>); the first
/// four are stitched, the others excluded (<see cref="AttributionReasonText.IsStitched"/>).
/// </summary>
internal enum AttributionReason : byte
{
    /// <summary>Stitched to the profile its strongest usable value found.</summary>
    Matched,

    /// <summary>Stitched to a new profile: no usable value matched.</summary>
    Created,

    /// <summary>Stitched, and its values merged two or more profiles.</summary>
    Merged,

    /// <summary>Stitched to its own anchor value's profile (created if needed) because a weaker value found a profile with another anchor.</summary>
    AnchorConflict,

    NoIdentifiers,
    AllValuesBlocked,
    AllValuesQuarantined,
    InvalidTimestamp,
    DuplicatePrimaryKey,
    NullPrimaryKey,
}

/// <summary>The words of <see cref="AttributionReason"/> and of the attribution status in output tables and state.</summary>
internal static class AttributionReasonText
{
    public const string Stitched = "stitched";
    public const string Excluded = "excluded";

    private static readonly string[] Words =
        ["matched", "created", "merged", "anchor_conflict", "no_identifiers", "all_values_blocked", "all_values_quarantined",
         "invalid_timestamp", "duplicate_primary_key", "null_primary_key"];

    private static readonly byte[][] Utf8Words = Words.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
    private static readonly byte[] StitchedUtf8 = System.Text.Encoding.UTF8.GetBytes(Stitched);
    private static readonly byte[] ExcludedUtf8 = System.Text.Encoding.UTF8.GetBytes(Excluded);

    /// <summary>The exclusion reasons, in the order metrics list them.</summary>
    public static readonly IReadOnlyList<AttributionReason> Exclusions =
    [
        AttributionReason.NoIdentifiers, AttributionReason.AllValuesBlocked, AttributionReason.AllValuesQuarantined,
        AttributionReason.InvalidTimestamp, AttributionReason.DuplicatePrimaryKey, AttributionReason.NullPrimaryKey,
    ];

    public static int Count => Words.Length;

    public static bool IsStitched(AttributionReason reason) => reason <= AttributionReason.AnchorConflict;

    public static string Of(AttributionReason reason) => Words[(int)reason];

    public static ReadOnlySpan<byte> Utf8(AttributionReason reason) => Utf8Words[(int)reason];

    public static string StatusOf(AttributionReason reason) => IsStitched(reason) ? Stitched : Excluded;

    /// <summary>The reason of a state row; its status must agree (both were written by this engine).</summary>
    public static AttributionReason Parse(string reason, string status)
    {
        var index = Array.IndexOf(Words, reason);
        if (index < 0 || StatusOf((AttributionReason)index) != status)
            throw new FormatException($"unknown attribution reason '{reason}' with status '{status}'");
        return (AttributionReason)index;
    }

    /// <summary>As <see cref="Parse(string, string)"/>, for a state's cells as UTF-8: no string per row of a long table.</summary>
    public static AttributionReason Parse(ReadOnlySpan<byte> reason, ReadOnlySpan<byte> status)
    {
        for (var index = 0; index < Utf8Words.Length; index++)
            if (reason.SequenceEqual(Utf8Words[index]) && status.SequenceEqual(IsStitched((AttributionReason)index) ? StitchedUtf8 : ExcludedUtf8))
                return (AttributionReason)index;
        return Parse(System.Text.Encoding.UTF8.GetString(reason), System.Text.Encoding.UTF8.GetString(status)); // throws, naming both
    }

    /// <summary>Every reason ranked by its word in code point order (rank[reason]): the order of tied attribution rows.</summary>
    public static readonly int[] Ranks = RankWords();

    private static int[] RankWords()
    {
        var order = Enumerable.Range(0, Words.Length).ToArray();
        Array.Sort(order, (a, b) => Columnar.CodePointOrder.Instance.Compare(Words[a], Words[b]));
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++) rank[order[i]] = i;
        return rank;
    }
}
