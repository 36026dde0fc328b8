using Apache.Arrow;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// One opened input file of a model, read as Arrow record batches. The schema is known as soon as
/// the source is open, before any data is read, so configs can be validated cheaply. The caller
/// owns the source and each batch it yields.
/// </summary>
internal interface ITableSource : IDisposable
{
    /// <summary>The file this source reads (<c>-</c> for stdin), as shown in error messages.</summary>
    string File { get; }

    /// <summary>The Arrow schema of the file.</summary>
    Schema Schema { get; }

    /// <summary>How many rows the file holds when its metadata says so without reading the data (Parquet), else null.</summary>
    long? RowCount => null;

    /// <summary>Reads the file's batches once, in file order; corrupt data throws an <c>InputException</c>.</summary>
    IEnumerable<RecordBatch> ReadBatches();
}

/// <summary>
/// A source made of row groups that can be read on their own, in file order (Parquet): one model's file
/// can then be read by several threads, each reading a run of row groups.
/// </summary>
internal interface IRowGroupSource : ITableSource
{
    int RowGroupCount { get; }

    /// <summary>Rows in row group <paramref name="rowGroup"/>, from the footer.</summary>
    long RowGroupRows(int rowGroup);

    /// <summary>The batches of <paramref name="count"/> row groups from <paramref name="first"/> on, in file order.</summary>
    IEnumerable<RecordBatch> ReadRowGroups(int first, int count);
}
