namespace Dinmo.IrEngine.Resolution;

/// <summary>The four buckets every record ends in (SPEC §4); they add up to the records read.</summary>
internal enum ResolutionStatus : byte { Unique, Matched, Conflict, Missing }

/// <summary>Why a record is left out of the golden table.</summary>
internal enum UnresolvedReason : byte
{
    None,
    MissingPrimaryKey,
    DuplicatePrimaryKey,
    MissingIdentifiers,
    IdentifierConflict,
}

internal static class ResolutionNames
{
    public static string Status(ResolutionStatus status) => status switch
    {
        ResolutionStatus.Unique => "unique",
        ResolutionStatus.Matched => "matched",
        ResolutionStatus.Conflict => "conflict",
        _ => "missing",
    };

    public static string? Reason(UnresolvedReason reason) => reason switch
    {
        UnresolvedReason.MissingPrimaryKey => "missing_primary_key",
        UnresolvedReason.DuplicatePrimaryKey => "duplicate_primary_key",
        UnresolvedReason.MissingIdentifiers => "missing_identifiers",
        UnresolvedReason.IdentifierConflict => "identifier_conflict",
        _ => null,
    };
}
