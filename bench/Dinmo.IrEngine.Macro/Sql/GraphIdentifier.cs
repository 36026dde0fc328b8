namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>An identifier of the graph: standardization steps, blocked values and patterns, limits (SPEC §3.2).</summary>
internal sealed record GraphIdentifier(
    string Name,
    IReadOnlyList<string> Standardize,
    int? MaxUniqueValues,
    int? MaxRecordsPerValue,
    IReadOnlyList<string> BlockedValues,
    IReadOnlyList<string> BlockedPatterns);
