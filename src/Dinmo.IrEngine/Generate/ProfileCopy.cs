namespace Dinmo.IrEngine.Generate;

/// <summary>
/// One appearance of a <see cref="Person"/> in one source model, after noise: every value is as
/// the source would hold it (null = missing). Each model's table writes the columns it has.
/// </summary>
internal sealed record ProfileCopy
{
    public required string PersonId { get; init; }

    /// <summary>The model's key number, formatted by the model; null for a record with a missing primary key.</summary>
    public long? KeyNumber { get; init; }

    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? SecondaryEmail { get; init; }
    public string? Phone { get; init; }
    public string? CustomerId { get; init; }
    public string? CountryCode { get; init; }
    public DateOnly? BirthDate { get; init; }

    /// <summary>When the source last changed the record (the model's order field).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary><see cref="UpdatedAt"/> as ISO-8601 text in one of the styles CSV exports use (crm only).</summary>
    public string? UpdatedAtText { get; init; }
}
