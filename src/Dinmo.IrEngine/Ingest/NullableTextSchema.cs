using System.Data.Common;
using Sylvan.Data.Csv;

namespace Dinmo.IrEngine.Ingest;

/// <summary>Every CSV column is nullable text; types are decided later by the stages that use them.</summary>
internal sealed class NullableTextSchema : ICsvSchemaProvider
{
    public static readonly NullableTextSchema Instance = new();

    public DbColumn? GetColumn(string? name, int ordinal) => new NullableTextColumn(name, ordinal);
}
