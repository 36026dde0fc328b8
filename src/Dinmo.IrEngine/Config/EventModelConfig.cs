namespace Dinmo.IrEngine.Config;

/// <summary>One event table (page views, orders, sessions): SPEC §9.</summary>
public sealed record EventModelConfig
{
    public required string Name { get; init; }

    /// <summary>A file, a glob, a directory, or <c>-</c> for an Arrow IPC stream on stdin.</summary>
    public required string Path { get; init; }

    /// <summary>Explicit input format; null means "by file extension".</summary>
    public InputFormat? Format { get; init; }

    public required string PrimaryKey { get; init; }

    /// <summary>The event time column.</summary>
    public required string Timestamp { get; init; }

    public OrderFieldUnit TimestampUnit { get; init; } = OrderFieldUnit.Seconds;

    /// <summary>A column that only grows over time; null = no partition pruning for this model.</summary>
    public string? Partition { get; init; }

    /// <summary>Identifier name → source columns, in config order.</summary>
    public IReadOnlyList<IdentifierMapping> Identifiers { get; init; } = [];

    /// <summary>The same table seen as a Profile Resolution model, so the shared readers can open it.</summary>
    internal ModelConfig AsReaderModel() => new()
    {
        Name = Name, Path = Path, Format = Format, PrimaryKey = PrimaryKey, OrderField = Timestamp,
        OrderFieldUnit = TimestampUnit, Identifiers = Identifiers,
    };
}
