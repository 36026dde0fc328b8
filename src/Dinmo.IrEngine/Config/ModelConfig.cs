namespace Dinmo.IrEngine.Config;

/// <summary>One profile-like source table (SPEC §3.1).</summary>
public sealed record ModelConfig
{
    public required string Name { get; init; }

    /// <summary>A file, a glob, a directory, or <c>-</c> for an Arrow IPC stream on stdin.</summary>
    public required string Path { get; init; }

    /// <summary>Explicit input format; null means "by file extension".</summary>
    public InputFormat? Format { get; init; }

    public required string PrimaryKey { get; init; }
    public required string OrderField { get; init; }
    public OrderFieldUnit OrderFieldUnit { get; init; } = OrderFieldUnit.Seconds;

    /// <summary>Identifier name → source columns, in config order.</summary>
    public IReadOnlyList<IdentifierMapping> Identifiers { get; init; } = [];

    /// <summary>Golden field name → source column, in config order.</summary>
    public IReadOnlyList<FieldMapping> Fields { get; init; } = [];
}

/// <summary>The columns of one model that carry one identifier.</summary>
public sealed record IdentifierMapping(string Identifier, IReadOnlyList<string> Columns);

/// <summary>The column of one model that carries one golden field.</summary>
public sealed record FieldMapping(string Field, string Column);

/// <summary>How integer or all-digit order values are read.</summary>
public enum OrderFieldUnit { Seconds, Milliseconds }

/// <summary>Input file formats (SPEC §3.1).</summary>
public enum InputFormat { ArrowFile, ArrowStream, Parquet, Csv }
