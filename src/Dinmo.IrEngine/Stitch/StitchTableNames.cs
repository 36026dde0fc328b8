namespace Dinmo.IrEngine.Stitch;

/// <summary>The six output tables of Event Stitching (SPEC §9), in the order they are written.</summary>
internal static class StitchTableNames
{
    public const string Profiles = "identity_event_profiles";
    public const string Attribution = "identity_event_profile_attribution";
    public const string IdentifierValues = "identity_event_profile_identifier_values";
    public const string Redirects = "identity_event_profile_redirects";
    public const string AuditEvents = "identity_event_profile_audit_events";
    public const string RunMetrics = "identity_event_profile_run_metrics";

    public static readonly IReadOnlyList<string> All = [Profiles, Attribution, IdentifierValues, Redirects, AuditEvents, RunMetrics];
}
