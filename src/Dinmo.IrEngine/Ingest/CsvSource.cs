using System.Text;
using System.Text.Unicode;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Errors;
using Sylvan.Data.Csv;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// A CSV file with a header row (<c>.csv</c>, or gzip-compressed <c>.csv.gz</c>), read with Sylvan
/// into batches of Arrow Utf8 columns.
/// <para>Null versus empty: every column is declared nullable (<see cref="NullableTextSchema"/>), so
/// Sylvan reports an empty unquoted field as DBNull (Arrow null) and <c>""</c> as an empty string.</para>
/// <para>Invalid UTF-8: the bytes are decoded as Latin-1, which maps each byte to one char and never
/// fails. CSV delimiters and quotes are ASCII and never occur inside a multi-byte UTF-8 sequence, so
/// Sylvan splits fields exactly as on the raw bytes; narrowing a field's chars back gives its original
/// bytes, which go into the Arrow buffer and are validated there, naming the column and row.</para>
/// </summary>
internal sealed class CsvSource : ITableSource
{
    /// <summary>Rows per batch: large enough to amortize per-batch work, small enough for the memory budget.</summary>
    private const int BatchRows = 64 * 1024;

    /// <summary>Cut a batch early when one column's bytes pass this, keeping Int32 offsets far from overflow.</summary>
    private const int MaxColumnBytes = 256 * 1024 * 1024;

    /// <summary>Sylvan's buffer must hold the longest record; 64 MiB chars bounds memory on a runaway quote.</summary>
    private const int MaxRecordChars = 64 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly CsvDataReader _reader;

    public CsvSource(string file)
    {
        File = file;
        Stream? stream = null;
        try
        {
            var fileStream = System.IO.File.OpenRead(file);
            stream = InputFormatDetector.IsGzip(file) ? new GzipTrailerCheckStream(fileStream) : fileStream;
            var text = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
            _reader = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                Schema = NullableTextSchema.Instance,
                MaxBufferSize = MaxRecordChars,
                OwnsReader = true,
            });
        }
        catch (Exception e) when (ReadFailure.IsCorruption(e))
        {
            stream?.Dispose();
            throw ReadFailure.Corrupt("CSV header", file, e);
        }
        Schema = ReadSchema();
    }

    public string File { get; }

    public Schema Schema { get; }

    public IEnumerable<RecordBatch> ReadBatches()
    {
        var columns = new Utf8ColumnBuilder[Schema.FieldsList.Count];
        for (var c = 0; c < columns.Length; c++) columns[c] = new Utf8ColumnBuilder(BatchRows);

        long row = 0;
        var rowsInBatch = 0;
        while (ReadRow(row + 1))
        {
            row++;
            if (_reader.RowFieldCount != columns.Length)
                Throw.Input($"row has {_reader.RowFieldCount} fields; expected {columns.Length} as in the header",
                    file: File, row: row);

            var widest = 0;
            for (var c = 0; c < columns.Length; c++)
            {
                if (_reader.IsDBNull(c)) { columns[c].AppendNull(); continue; }
                var bytes = columns[c].Append(_reader.GetFieldSpan(c));
                if (!Utf8.IsValid(bytes))
                    Throw.Input("invalid UTF-8 bytes in a text value", file: File, column: Schema.FieldsList[c].Name, row: row);
                widest = Math.Max(widest, columns[c].ValueBytes);
            }

            if (++rowsInBatch == BatchRows || widest >= MaxColumnBytes)
            {
                yield return Build(columns, rowsInBatch);
                rowsInBatch = 0;
            }
        }
        if (rowsInBatch > 0) yield return Build(columns, rowsInBatch);
    }

    public void Dispose() => _reader.Dispose();

    private bool ReadRow(long row)
    {
        try { return _reader.Read(); }
        catch (Exception e) when (ReadFailure.IsCorruption(e))
        {
            throw new InputException(Throw.Located($"cannot read CSV: {e.Message}; the file is corrupt or truncated",
                File, null, null, row), e);
        }
    }

    private RecordBatch Build(Utf8ColumnBuilder[] columns, int rows)
    {
        var arrays = new IArrowArray[columns.Length];
        for (var c = 0; c < columns.Length; c++) arrays[c] = columns[c].Build();
        return new RecordBatch(Schema, arrays, rows);
    }

    private Schema ReadSchema()
    {
        if (_reader.FieldCount == 0) Throw.Input("CSV file has no header row", file: File);
        var builder = new Schema.Builder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < _reader.FieldCount; c++)
        {
            var name = HeaderName(_reader.GetName(c), c);
            if (!seen.Add(name)) Throw.Input($"duplicate column name '{name}' in the CSV header", file: File, column: name);
            builder.Field(new Field(name, StringType.Default, nullable: true));
        }
        return builder.Build();
    }

    /// <summary>
    /// Recovers a header name's bytes from its Latin-1 chars and decodes them strictly, dropping a UTF-8 BOM.
    /// Surrounding white space is trimmed: files written as "a, b, c" (FEBRL, many exports) name columns "b" and "c".
    /// </summary>
    private string HeaderName(string latin1Name, int ordinal)
    {
        var bytes = Encoding.Latin1.GetBytes(latin1Name).AsSpan();
        if (ordinal == 0 && bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        try { return StrictUtf8.GetString(bytes).Trim(); }
        catch (DecoderFallbackException e)
        {
            return Throw.Input<string>($"invalid UTF-8 bytes in the name of header column {ordinal + 1}",
                file: File, row: 0, inner: e);
        }
    }
}
