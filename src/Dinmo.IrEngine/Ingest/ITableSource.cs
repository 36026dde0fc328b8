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

    /// <summary>Reads the file's batches once, in file order; corrupt data throws an <c>InputException</c>.</summary>
    IEnumerable<RecordBatch> ReadBatches();
}
