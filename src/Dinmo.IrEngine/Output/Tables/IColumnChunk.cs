using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// A column builder that a <see cref="ChunkedTableWriter"/> empties after every chunk of rows: its
/// buffers are kept and refilled, so a table of any size reuses one chunk's worth of memory.
/// </summary>
internal interface IColumnChunk
{
    /// <summary>Rows appended since the last <see cref="Reset"/>.</summary>
    int Count { get; }

    /// <summary>An array over the builder's own buffers (no copy), valid until the next <see cref="Reset"/>.</summary>
    IArrowArray BuildChunk();

    /// <summary>Forgets the rows but keeps the buffers for the next chunk.</summary>
    void Reset();
}
