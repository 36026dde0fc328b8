namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One change to the graph and why (<c>identity_event_profile_audit_events</c>), tied to the event
/// that caused it; <see cref="Step"/> orders the changes one event made. The profile is null only
/// for <c>anchor_value_ignored</c>, decided before the event's profile is known.
/// </summary>
internal sealed record AuditEvent(
    string ModelName,
    AuditKey Key,
    long EventTimestamp,
    int Step,
    string ChangeType,
    AuditProfile Profile,
    AuditProfile Other,
    string? Identifier,
    AuditValue Value,
    string Detail,
    string RunId)
{
    public string EventKey => Key.Text;
}

/// <summary>
/// The event key of an audit row: a key of the graph's, by id (decoded only when the row is written: the stitch
/// loop makes a row for every profile it creates), or a restored row's text.
/// </summary>
internal readonly record struct AuditKey(EventKeys? Keys, int Model, int Id, byte[]? Saved)
{
    /// <summary>The key as UTF-8: what the audit table writes.</summary>
    public ReadOnlySpan<byte> Utf8 => Saved ?? Keys!.Utf8(Model, Id);

    /// <summary>Starts loading where the key's bytes are (a hint); <see cref="PrefetchBytes"/> follows a few reads later.</summary>
    public void PrefetchOffsets() => Keys?.PrefetchOffsets(Model, Id);

    /// <summary>Starts loading the key's bytes (a hint).</summary>
    public void PrefetchBytes() => Keys?.PrefetchBytes(Model, Id);

    public string Text => System.Text.Encoding.UTF8.GetString(Utf8);

    public static AuditKey Restored(ReadOnlySpan<byte> utf8) => new(null, 0, 0, utf8.ToArray());

    /// <summary>In code point order (UTF-8 byte order); one key of the graph is equal to itself without being read.</summary>
    public int CompareTo(AuditKey other) =>
        Keys is not null && ReferenceEquals(Keys, other.Keys) && Model == other.Model && Id == other.Id ? 0 : Utf8.SequenceCompareTo(other.Utf8);
}

/// <summary>
/// A profile an audit row names: one of the graph's, by reference (a profile created by the run gets its id
/// only after the stitch loop, <see cref="ProfileGraph.NameProfiles"/>), or a restored row's id as UTF-8.
/// </summary>
internal readonly record struct AuditProfile(EventProfile? Profile, byte[]? Saved)
{
    /// <summary>The id as UTF-8, what the audit table writes (no string made); null for no profile.</summary>
    public byte[]? Utf8 => Profile?.IdUtf8 ?? Saved;

    public static implicit operator AuditProfile(EventProfile? profile) => new(profile, null);
}

/// <summary>
/// The identifier value an audit row names: one of the graph's, by id (decoded only when the row is written: a merge's
/// row names the value that connected the profiles, and decoding every one in the stitch loop held it up), or a
/// restored row's text; absent (default) for none.
/// </summary>
internal readonly record struct AuditValue(IdentifierValues? Values, int Id, byte[]? Saved)
{
    public bool IsPresent => Values is not null || Saved is not null;

    /// <summary>The value as UTF-8, what the audit table writes; only when <see cref="IsPresent"/>.</summary>
    public ReadOnlySpan<byte> Utf8 => Saved ?? Values!.Utf8(Id);

    public static AuditValue Restored(ReadOnlySpan<byte> utf8) => new(null, 0, utf8.ToArray());
}

/// <summary>The words of <see cref="AuditEvent.ChangeType"/>.</summary>
internal static class AuditChange
{
    public const string ProfileCreated = "profile_created";
    public const string ProfileMerged = "profile_merged";
    public const string MergeRefused = "merge_refused";
    public const string ValueDemoted = "value_demoted";
    public const string ValueExpired = "value_expired";
    public const string ValueQuarantined = "value_quarantined";
    public const string ValueReactivated = "value_reactivated";
    public const string AnchorValueIgnored = "anchor_value_ignored";
}
