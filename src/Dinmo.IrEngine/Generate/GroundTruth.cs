using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// <c>ground_truth.csv</c> (<c>.parquet</c>/<c>.arrow</c> at scale): one row per generated record, in file order per model — <c>model_name</c>,
/// <c>entity_key</c> (null for a record whose primary key is null), <c>person_id</c>. A duplicated key
/// appears once per record, each with its own person. Records of one person belong together;
/// household members sharing a phone do not.
/// </summary>
internal sealed class GroundTruth
{
    public const string TableName = "ground_truth";

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(new Field("model_name", StringType.Default, nullable: false))
        .Field(new Field("entity_key", StringType.Default, nullable: true))
        .Field(new Field("person_id", StringType.Default, nullable: false))
        .Build();

    private readonly StringArray.Builder _models = new();
    private readonly StringArray.Builder _keys = new();
    private readonly StringArray.Builder _persons = new();
    private int _rows;

    public void Add(ISourceModel model, IReadOnlyList<ProfileCopy> rows)
    {
        foreach (var row in rows)
        {
            _models.Append(model.Name);
            if (row.KeyNumber is { } key) _keys.Append(model.KeyText(key));
            else _keys.AppendNull();
            _persons.Append(row.PersonId);
            _rows++;
        }
    }

    public WrittenTable Write(string directory)
    {
        using var batch = TakeBatch();
        return TableFileWriter.Write(OutputFormat.Csv, directory, TableName, Schema, [batch]);
    }

    /// <summary>The rows added since the last call as one batch (the caller disposes it); the builders start over, so a streamed run holds one chunk's rows.</summary>
    public RecordBatch TakeBatch()
    {
        var batch = new RecordBatch(Schema, [_models.Build(), _keys.Build(), _persons.Build()], _rows);
        _models.Clear();
        _keys.Clear();
        _persons.Clear();
        _rows = 0;
        return batch;
    }
}
