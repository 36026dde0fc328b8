using Apache.Arrow;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// One column of one record batch as UTF-8 cells for the row loop of <see cref="RecordLoader"/>. A
/// string or binary column is decoded once per batch into plain arrays (validity, offsets, bytes),
/// so each cell is two array reads instead of Arrow's per-cell buffer and bitmap lookups; any other
/// type goes through <see cref="ArrowValueText"/> cell by cell. The arrays are reused from batch to
/// batch. Same text as <see cref="ArrowValueText.TryGet"/> for every cell.
/// </summary>
internal sealed class BatchTextColumn
{
    private bool[] _valid = [];
    private int[] _offsets = [0];
    private byte[] _bytes = [];
    private IArrowArray? _other;

    public void Load(IArrowArray array)
    {
        if (array is not BinaryArray binary) // StringArray derives from it
        {
            _other = array;
            return;
        }
        _other = null;
        var count = binary.Length;
        if (_valid.Length < count) _valid = new bool[count];
        if (_offsets.Length < count + 1) _offsets = new int[count + 1];
        var offsets = binary.ValueOffsets; // this array's count + 1 offsets into the value bytes
        var first = offsets[0];
        var length = offsets[count] - first;
        if (_bytes.Length < length) _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(length, _bytes.Length * 2));
        binary.Values.Slice(first, length).CopyTo(_bytes);
        for (var i = 0; i <= count; i++) _offsets[i] = offsets[i] - first;
        if (binary.NullCount == 0)
        {
            _valid.AsSpan(0, count).Fill(true);
        }
        else
        {
            var bitmap = binary.NullBitmapBuffer.Span;
            for (var i = 0; i < count; i++) _valid[i] = BitUtility.GetBit(bitmap, binary.Offset + i);
        }
    }

    /// <summary>The text of row <paramref name="row"/> of the loaded batch; false for a null.</summary>
    public bool TryGet(int row, Span<byte> scratch, out ReadOnlySpan<byte> text)
    {
        if (_other is not null) return ArrowValueText.TryGet(_other, row, scratch, out text);
        text = default;
        if (!_valid[row]) return false;
        text = _bytes.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);
        return true;
    }
}
