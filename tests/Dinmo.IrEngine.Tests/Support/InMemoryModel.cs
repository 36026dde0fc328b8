using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>
/// A model and its rows held in memory for tests. The first column is the primary key, the second the
/// order field. Columns are strings unless named <c>name:int64</c>. Rows become one Arrow batch per
/// <see cref="Split"/> part, so the same data can be fed in several batches.
/// </summary>
internal sealed class InMemoryModel
{
    private readonly (string Name, bool IsInt64)[] _columns;
    private readonly List<object?[]> _rows = [];
    private readonly List<IdentifierMapping> _identifiers = [];
    private readonly List<FieldMapping> _fields = [];
    private int _batchRows = int.MaxValue;

    public InMemoryModel(string name, params string[] columns)
    {
        Name = name;
        _columns = columns.Select(c => c.EndsWith(":int64", StringComparison.Ordinal) ? (c[..^6], true) : (c, false)).ToArray();
    }

    public string Name { get; }

    /// <summary>Maps an identifier to one or more columns of this model.</summary>
    public InMemoryModel Maps(string identifier, params string[] columns)
    {
        _identifiers.Add(new IdentifierMapping(identifier, columns.Length == 0 ? [identifier] : columns));
        return this;
    }

    /// <summary>Maps a golden field to a column (by default the column of the same name).</summary>
    public InMemoryModel Field(string field, string? column = null)
    {
        _fields.Add(new FieldMapping(field, column ?? field));
        return this;
    }

    /// <summary>One row, a value per column in column order (null for a null cell).</summary>
    public InMemoryModel Row(params object?[] values)
    {
        if (values.Length != _columns.Length) throw new ArgumentException($"expected {_columns.Length} values, got {values.Length}");
        _rows.Add(values);
        return this;
    }

    /// <summary>Feeds the rows in batches of at most <paramref name="rows"/> rows.</summary>
    public InMemoryModel Split(int rows)
    {
        _batchRows = rows;
        return this;
    }

    public ModelConfig Config => new()
    {
        Name = Name,
        Path = Name + ".arrow",
        PrimaryKey = _columns[0].Name,
        OrderField = _columns[1].Name,
        Identifiers = _identifiers,
        Fields = _fields,
    };

    public Schema Schema
    {
        get
        {
            var builder = new Schema.Builder();
            foreach (var (name, isInt64) in _columns)
            {
                builder.Field(new Field(name, isInt64 ? Int64Type.Default : StringType.Default, true));
            }
            return builder.Build();
        }
    }

    public ModelInput Input => new(Config, Schema, Batches().ToList());

    private IEnumerable<SourceBatch> Batches()
    {
        var schema = Schema;
        for (var start = 0; start == 0 || start < _rows.Count; start += _batchRows)
        {
            var rows = _rows.Skip(start).Take(_batchRows).ToList();
            var arrays = new IArrowArray[_columns.Length];
            for (var c = 0; c < _columns.Length; c++)
            {
                if (_columns[c].IsInt64)
                {
                    var ints = new Int64Array.Builder();
                    foreach (var row in rows)
                    {
                        if (row[c] is null) ints.AppendNull();
                        else ints.Append(Convert.ToInt64(row[c], System.Globalization.CultureInfo.InvariantCulture));
                    }
                    arrays[c] = ints.Build();
                }
                else
                {
                    var strings = new StringArray.Builder();
                    foreach (var row in rows)
                    {
                        if (row[c] is null) strings.AppendNull();
                        else strings.Append(Convert.ToString(row[c], System.Globalization.CultureInfo.InvariantCulture));
                    }
                    arrays[c] = strings.Build();
                }
            }
            yield return new SourceBatch(Name + ".arrow", new RecordBatch(schema, arrays, rows.Count));
            if (rows.Count == 0) yield break;
        }
    }
}
