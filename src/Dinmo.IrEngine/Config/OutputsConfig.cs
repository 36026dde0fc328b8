namespace Dinmo.IrEngine.Config;

/// <summary>The <c>outputs</c> section: format and, optionally, a subset of tables.</summary>
public sealed record OutputsConfig
{
    public OutputFormat Format { get; init; } = OutputFormat.Arrow;

    /// <summary>Table names to write; null = all tables.</summary>
    public IReadOnlyList<string>? Tables { get; init; }
}

public enum OutputFormat { Arrow, Parquet, Csv }
