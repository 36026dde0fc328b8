using System.Text;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// The <c>dinmo_id</c>, <c>change_type</c>, <c>into_dinmo_id</c> and <c>run_id</c> text columns of
/// id history rows, filled row by row from the change log without .NET strings. Shared by the
/// state's history file and the <c>identity_id_history</c> output table.
/// </summary>
internal sealed class IdHistoryColumns
{
    private static readonly byte[][] TypeNames =
        [.. Enum.GetValues<IdChangeType>().Select(t => Encoding.UTF8.GetBytes(IdChangeTypeNames.Name(t)))];

    private readonly byte[][] _runNames;

    public IdHistoryColumns(IdChangeLog history, int capacity)
    {
        _runNames = [.. history.RunIds.Select(Encoding.UTF8.GetBytes)];
        Ids = new TextColumnBuilder(capacity, DinmoId.TextLength);
        Types = new TextColumnBuilder(capacity, 8);
        Into = new TextColumnBuilder(capacity, DinmoId.TextLength);
        Runs = new TextColumnBuilder(capacity, 16);
    }

    public TextColumnBuilder Ids { get; }
    public TextColumnBuilder Types { get; }
    public TextColumnBuilder Into { get; }
    public TextColumnBuilder Runs { get; }

    public void Append(in IdChange row)
    {
        Ids.Append(row.Id);
        Types.Append(TypeNames[(int)row.Type]);
        if (row.HasInto)
        {
            Into.Append(row.Into);
        }
        else
        {
            Into.AppendNull();
        }
        Runs.Append(_runNames[row.Run]);
    }
}
