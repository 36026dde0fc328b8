using Apache.Arrow;
using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// One generated source table: its model name, file format, column names and types, and how it
/// spells its primary key. The columns differ per model on purpose, as real sources do.
/// </summary>
internal interface ISourceModel
{
    string Name { get; }
    OutputFormat Format { get; }
    Schema Schema { get; }

    /// <summary>The entity_key (primary key rendered as text) of key number <paramref name="keyNumber"/>.</summary>
    string KeyText(long keyNumber);

    /// <summary>Rows [<paramref name="start"/>, start + count) of <paramref name="rows"/> as one batch.</summary>
    RecordBatch Batch(IReadOnlyList<ProfileCopy> rows, int start, int count);
}
