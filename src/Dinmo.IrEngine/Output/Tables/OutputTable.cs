using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>One output table, built in memory and sorted as SPEC §6 states, ready for a file writer.</summary>
internal sealed record OutputTable(string Name, Schema Schema, RecordBatch Batch)
{
    public static OutputTable Create(string name, IReadOnlyList<(string Name, IArrowType Type)> columns,
        IReadOnlyList<IArrowArray> arrays, int rows)
    {
        var schema = new Schema(columns.Select(c => new Field(c.Name, c.Type, nullable: true)), null);
        return new OutputTable(name, schema, new RecordBatch(schema, arrays, rows));
    }
}
