using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Decompresses a gzip file and, at the end, checks the decompressed bytes against the file's
/// trailer (CRC-32 and length mod 2^32). .NET's <see cref="GZipStream"/> returns end-of-stream
/// silently on a truncated file; without this check a cut <c>.csv.gz</c> would load as fewer rows.
/// Limitation: a multi-member gzip (concatenated <c>.gz</c> files) is checked against its last
/// member's trailer only, so it is reported as corrupt.
/// </summary>
internal sealed class GzipTrailerCheckStream : Stream
{
    private const int TrailerBytes = 8;

    private readonly GZipStream _inflater;
    private readonly Crc32 _crc = new();
    private readonly uint _expectedCrc;
    private readonly uint _expectedLength;
    private readonly bool _hasTrailer;
    private long _length;
    private bool _checked;

    public GzipTrailerCheckStream(FileStream compressed)
    {
        // The trailer is the last 8 bytes of a complete file; read it first, then rewind.
        _hasTrailer = compressed.Length >= TrailerBytes;
        if (_hasTrailer)
        {
            Span<byte> trailer = stackalloc byte[TrailerBytes];
            compressed.Seek(-TrailerBytes, SeekOrigin.End);
            compressed.ReadExactly(trailer);
            compressed.Seek(0, SeekOrigin.Begin);
            _expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            _expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        }
        _inflater = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: false);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inflater.Read(buffer);
        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
        }
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if (!_hasTrailer || _crc.GetCurrentHashAsUInt32() != _expectedCrc || (uint)_length != _expectedLength)
                throw new InvalidDataException("gzip data ends early: the decompressed bytes do not match the gzip trailer");
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inflater.Dispose();
        base.Dispose(disposing);
    }
}
