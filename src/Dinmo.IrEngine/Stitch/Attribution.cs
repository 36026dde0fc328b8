namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Where one event went (<c>identity_event_profile_attribution</c>): the profile it was attached to
/// when processed (follow redirects for today's profile), or why it was excluded.
/// </summary>
internal sealed record Attribution(
    string ModelName,
    string? EventKey,
    long EventTimestamp,
    string? ProfileId,
    string Status,
    string Reason,
    string? MatchedIdentifier,
    string RunId)
{
    public const string Stitched = "stitched";
    public const string Excluded = "excluded";

    public bool IsStitched => Status == Stitched;
}

/// <summary>The words of <see cref="Attribution.Reason"/>.</summary>
internal static class AttributionReason
{
    /// <summary>Stitched to the profile its strongest usable value found.</summary>
    public const string Matched = "matched";

    /// <summary>Stitched to a new profile: no usable value matched.</summary>
    public const string Created = "created";

    /// <summary>Stitched, and its values merged two or more profiles.</summary>
    public const string Merged = "merged";

    /// <summary>Stitched to its own anchor value's profile (created if needed) because a weaker value found a profile with another anchor.</summary>
    public const string AnchorConflict = "anchor_conflict";

    public const string NoIdentifiers = "no_identifiers";
    public const string AllValuesBlocked = "all_values_blocked";
    public const string AllValuesQuarantined = "all_values_quarantined";
    public const string InvalidTimestamp = "invalid_timestamp";
    public const string DuplicatePrimaryKey = "duplicate_primary_key";
    public const string NullPrimaryKey = "null_primary_key";

    /// <summary>The exclusion reasons, in the order metrics list them.</summary>
    public static readonly IReadOnlyList<string> Exclusions =
        [NoIdentifiers, AllValuesBlocked, AllValuesQuarantined, InvalidTimestamp, DuplicatePrimaryKey, NullPrimaryKey];
}
