namespace Dinmo.IrEngine.Config;

/// <summary>
/// Turns byte offsets of a UTF-8 document into 1-based line and column. Columns count characters
/// (code points), not bytes, because that is what an editor shows the user.
/// </summary>
internal sealed class Utf8LineMap
{
    private readonly byte[] _bytes;
    private readonly List<int> _lineStarts = [0];

    public Utf8LineMap(byte[] bytes)
    {
        _bytes = bytes;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') _lineStarts.Add(i + 1);
    }

    public (int Line, int Column) At(long offset)
    {
        var at = (int)Math.Clamp(offset, 0, _bytes.Length);
        var line = _lineStarts.BinarySearch(at);
        if (line < 0) line = ~line - 1;
        return (line + 1, CharactersBetween(_lineStarts[line], at) + 1);
    }

    /// <summary>Position from a 0-based line and a 0-based byte position in that line.</summary>
    public (int Line, int Column) At(long line, long bytePositionInLine)
    {
        if (line < 0 || line >= _lineStarts.Count) return ((int)line + 1, (int)bytePositionInLine + 1);
        var start = _lineStarts[(int)line];
        return At(start + bytePositionInLine);
    }

    private int CharactersBetween(int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
            if ((_bytes[i] & 0xC0) != 0x80) count++; // continuation bytes (10xxxxxx) do not start a character
        return count;
    }
}
