using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Streams one generated event table to Parquet, a row group every <see cref="BatchRows"/> rows, so
/// memory stays bounded whatever the event count (the file itself is a <see cref="StreamingTableWriter"/>). Columns: the text key, a µs UTC timestamp, its
/// UTC date (the partition) and nullable text columns (identifiers). Rows are appended field by
/// field as UTF-8; <see cref="EndRow"/> completes a row. Owns the file until disposed; a file not
/// closed is removed.
/// </summary>
internal sealed class EventTableWriter : IDisposable
{
    /// <summary>Rows per Parquet row group: large enough for good compression, small enough to bound memory (~10 MB).</summary>
    public const int BatchRows = 1 << 17;

    private static readonly TimestampType Micros = new(TimeUnit.Microsecond, "UTC");

    private readonly Schema _schema;
    private readonly StreamingTableWriter _output;
    private readonly StringArray.Builder _keys = new();
    private readonly ArrowBuffer.Builder<long> _times = new();
    private readonly ArrowBuffer.Builder<int> _dates = new();
    private readonly StringArray.Builder[] _texts;
    private int _rows;

    public EventTableWriter(string file, string key, string timestamp, string date, IReadOnlyList<string> texts)
    {
        var schema = new Schema.Builder()
            .Field(new Field(key, StringType.Default, nullable: false))
            .Field(new Field(timestamp, Micros, nullable: false))
            .Field(new Field(date, Date32Type.Default, nullable: false));
        foreach (var name in texts) schema.Field(new Field(name, StringType.Default, nullable: true));
        _schema = schema.Build();
        _texts = texts.Select(_ => new StringArray.Builder()).ToArray();
        _output = new StreamingTableWriter(Config.OutputFormat.Parquet, Path.GetDirectoryName(Path.GetFullPath(file))!,
            Path.GetFileNameWithoutExtension(file), _schema);
    }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    public string File => _output.File;

    /// <summary>Starts a row with its key and time (µs since the epoch, UTC).</summary>
    public void Begin(ReadOnlySpan<byte> key, long micros)
    {
        _keys.Append(key);
        _times.Append(micros);
        // Generated times are after 1970, so truncating division is the floor.
        _dates.Append((int)(micros / Ingest.Timestamps.MicrosPerDay));
    }

    public void Text(int column, ReadOnlySpan<byte> value) => _texts[column].Append(value);

    public void Null(int column) => _texts[column].AppendNull();

    /// <summary>Completes the row begun last (every text column must have been given a value or a null).</summary>
    public void EndRow()
    {
        Rows++;
        if (++_rows == BatchRows) Flush();
    }

    /// <summary>Writes the last row group and the footer.</summary>
    public void Close()
    {
        Flush();
        _output.Complete();
    }

    private void Flush()
    {
        if (_rows == 0) return;
        var arrays = new List<IArrowArray>(3 + _texts.Length)
        {
            _keys.Build(),
            new TimestampArray(Micros, _times.Build(), ArrowBuffer.Empty, _rows, 0, 0),
            new Date32Array(_dates.Build(), ArrowBuffer.Empty, _rows, 0, 0),
        };
        foreach (var text in _texts) arrays.Add(text.Build());
        using (var batch = new RecordBatch(_schema, arrays, _rows)) _output.Append(batch);
        _keys.Clear();
        _times.Clear();
        _dates.Clear();
        foreach (var text in _texts) text.Clear();
        _rows = 0;
    }

    public void Dispose() => _output.Dispose();
}
