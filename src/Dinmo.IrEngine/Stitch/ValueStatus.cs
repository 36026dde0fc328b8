namespace Dinmo.IrEngine.Stitch;

/// <summary>The status of a value on a profile (SPEC §9, <c>identity_event_profile_identifier_values.status</c>).</summary>
internal enum ValueStatus : byte
{
    /// <summary>Matches new events to the profile.</summary>
    Active,

    /// <summary>Pushed out by more recent values past <c>max_unique_values_per_profile</c>; matches nothing until seen again.</summary>
    Demoted,

    /// <summary>Not seen for longer than the identifier's <c>lifetime</c>.</summary>
    Expired,

    /// <summary>Touched more than <c>max_profiles_per_value</c> profiles: matches nothing, ever.</summary>
    Quarantined,
}

/// <summary>The words of <see cref="ValueStatus"/> in output tables and state.</summary>
internal static class ValueStatusText
{
    public static string Of(ValueStatus status) => status switch
    {
        ValueStatus.Active => "active",
        ValueStatus.Demoted => "demoted",
        ValueStatus.Expired => "expired",
        _ => "quarantined",
    };

    public static ValueStatus Parse(string text) => text switch
    {
        "active" => ValueStatus.Active,
        "demoted" => ValueStatus.Demoted,
        "expired" => ValueStatus.Expired,
        "quarantined" => ValueStatus.Quarantined,
        _ => throw new FormatException($"unknown value status '{text}'"),
    };
}
