namespace Dinmo.IrEngine.Generate;

/// <summary>
/// One real (synthetic) person: the clean truth every noisy source record is copied from.
/// <see cref="PersonId"/> is what <c>ground_truth.csv</c> calls the person.
/// </summary>
internal sealed record Person
{
    public required string PersonId { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string Email { get; init; }

    /// <summary>A second (work) address some CRM contacts carry; null for most persons.</summary>
    public string? SecondaryEmail { get; init; }

    /// <summary>The mobile number's national digits, without trunk 0 or calling code.</summary>
    public required string PhoneDigits { get; init; }

    public required Country Country { get; init; }
    public required string CustomerId { get; init; }
    public required DateOnly BirthDate { get; init; }

    /// <summary>When the person first appeared anywhere; source timestamps fall after it.</summary>
    public required DateTimeOffset FirstSeen { get; init; }
}
