namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>What the DuckDB run reports: records read, edges made, label-propagation rounds, seconds per step.</summary>
internal sealed record SqlResolutionResult(
    long Records,
    long Edges,
    int Rounds,
    IReadOnlyList<KeyValuePair<string, double>> StepSeconds);
