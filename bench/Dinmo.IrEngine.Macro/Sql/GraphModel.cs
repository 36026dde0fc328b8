namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>A source model of the identity graph: where its rows are, its key, and identifier name → columns.</summary>
internal sealed record GraphModel(
    string Name,
    string Path,
    string PrimaryKey,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Identifiers);
