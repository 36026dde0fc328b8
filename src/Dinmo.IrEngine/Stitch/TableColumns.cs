using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Declares the columns of a small stitching table (output or state) as accessors over sorted rows
/// and builds the Arrow arrays in one pass per column, with the types of SPEC §6's conventions.
/// </summary>
internal sealed class TableColumns<T>
{
    private readonly List<(string Name, IArrowType Type, Func<IReadOnlyList<T>, IArrowArray> Build)> _columns = [];

    public TableColumns<T> Text(string name, Func<T, string?> get) => Add(name, ColumnTypes.Text, rows =>
    {
        var builder = new StringArray.Builder();
        foreach (var row in rows) builder.AppendText(get(row));
        return builder.Build();
    });

    public TableColumns<T> Int64(string name, Func<T, long?> get) => Add(name, ColumnTypes.Int64, rows =>
    {
        var builder = new Int64Array.Builder();
        foreach (var row in rows)
        {
            if (get(row) is { } value) builder.Append(value);
            else builder.AppendNull();
        }
        return builder.Build();
    });

    public TableColumns<T> Real(string name, Func<T, double> get) => Add(name, ColumnTypes.Real, rows =>
    {
        var builder = new DoubleArray.Builder();
        foreach (var row in rows) builder.Append(get(row));
        return builder.Build();
    });

    /// <summary>A UTC timestamp column from µs; <see cref="Ingest.Timestamps.Null"/> is a null.</summary>
    public TableColumns<T> Instant(string name, Func<T, long> get) => Add(name, ColumnTypes.Instant, rows =>
    {
        var builder = ColumnTypes.InstantBuilder();
        foreach (var row in rows) builder.AppendInstant(get(row));
        return builder.Build();
    });

    public TableColumns<T> Flag(string name, Func<T, bool> get) => Add(name, ColumnTypes.Flag, rows =>
    {
        var builder = new BooleanArray.Builder();
        foreach (var row in rows) builder.Append(get(row));
        return builder.Build();
    });

    public TableColumns<T> TextList(string name, Func<T, IEnumerable<string>> get) => Add(name, ColumnTypes.TextList, rows =>
    {
        var builder = ColumnTypes.TextListBuilder();
        foreach (var row in rows) builder.AppendTexts(get(row));
        return builder.Build();
    });

    public OutputTable Build(string table, IReadOnlyList<T> rows) =>
        OutputTable.Create(table, _columns.Select(c => (c.Name, c.Type)).ToList(), _columns.Select(c => c.Build(rows)).ToList(), rows.Count);

    private TableColumns<T> Add(string name, IArrowType type, Func<IReadOnlyList<T>, IArrowArray> build)
    {
        _columns.Add((name, type, build));
        return this;
    }
}
