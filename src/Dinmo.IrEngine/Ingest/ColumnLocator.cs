using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Ingest;

/// <summary>Finds a model's named columns in its input schema; a missing one is an input error.</summary>
internal readonly struct ColumnLocator(Schema schema, ModelConfig model)
{
    public int Require(string column)
    {
        var index = schema.GetFieldIndex(column);
        if (index < 0)
        {
            Throw.Input($"column '{column}' is not in the input schema (columns: {string.Join(", ", schema.FieldsList.Select(f => f.Name))})",
                model: model.Name, column: column);
        }
        var type = schema.GetFieldByIndex(index).DataType;
        if (!ArrowValueText.Supports(type))
        {
            Throw.Input($"column type {type.Name} cannot be used", model: model.Name, column: column);
        }
        return index;
    }
}
