using Apache.Arrow;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// A text column of one record batch, its offsets, bytes and validity taken once: a cell is then two reads, where
/// Arrow's <see cref="BinaryArray.GetBytes(int)"/> and <see cref="Apache.Arrow.Array.IsNull"/> look the buffers up again
/// for every cell (about 2 CPU s of restoring a 10M-event state). The same bytes as <see cref="BinaryArray.GetBytes(int)"/>:
/// a null is empty.
/// </summary>
internal readonly ref struct TextCells
{
    private readonly ReadOnlySpan<int> _offsets;
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly ReadOnlySpan<byte> _validity; // empty when no cell is null
    private readonly int _offset;

    public TextCells(BinaryArray texts)
    {
        _offsets = texts.ValueOffsets;
        _bytes = texts.ValueBuffer.Span;
        _validity = texts.NullCount == 0 ? default : texts.NullBitmapBuffer.Span;
        _offset = texts.Offset;
    }

    public bool IsNull(int row) => !_validity.IsEmpty && !BitUtility.GetBit(_validity, _offset + row);

    /// <summary>The cell's UTF-8 bytes; empty for a null.</summary>
    public ReadOnlySpan<byte> this[int row] => IsNull(row) ? default : _bytes[_offsets[row].._offsets[row + 1]];
}
