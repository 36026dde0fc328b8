namespace Dinmo.IrEngine.Output.Tables;

/// <summary>The Profile Resolution output tables (SPEC §6), in the order they are written.</summary>
internal static class TableNames
{
    public const string Golden = "identity_golden";
    public const string MatchedIds = "identity_matched_ids";
    public const string Unresolved = "identity_unresolved_records";
    public const string Lookup = "identity_lookup";
    public const string Match = "identity_match";
    public const string MatchPairs = "match_pairs";
    public const string IdHistory = "identity_id_history";
    public const string GoldenReport = "identity_golden_report";
    public const string RunMetrics = "identity_run_metrics";

    public static readonly IReadOnlyList<string> All =
        [Golden, MatchedIds, Unresolved, Lookup, Match, MatchPairs, IdHistory, GoldenReport, RunMetrics];

    /// <summary>
    /// Tables by the work of building and writing them, largest first (measured on the 1M-record demo:
    /// lookup 393 MB, matched ids 199 MB, match pairs 166 MB, match 151 MB, golden 112 MB, id history 40 MB),
    /// the order in which parallel writers take them.
    /// </summary>
    public static readonly string[] BySize =
        [Lookup, MatchedIds, MatchPairs, Match, Golden, IdHistory, Unresolved, GoldenReport, RunMetrics];
}
