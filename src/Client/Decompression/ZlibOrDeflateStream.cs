using System.IO.Compression;

namespace Herald.Client.Internal;

/// <summary>
/// Decodes <c>Content-Encoding: deflate</c>, which RFC 9110 defines as zlib (RFC 1950) but which some servers send as
/// raw deflate (RFC 1951). The first two bytes tell them apart: a zlib header has compression method 8 and a checksum
/// making the pair a multiple of 31, which raw deflate data starts with only by accident of a reserved block type.
/// </summary>
internal sealed class ZlibOrDeflateStream(Stream inner) : ReadOnlyStreamWrapper(inner)
{
    private Stream? _decoder;
    private bool _empty;

    public override int Read(Span<byte> buffer)
    {
        if (_decoder is null)
        {
            Span<byte> header = stackalloc byte[2];
            var read = 0;
            while (read < 2)
            {
                var n = Inner.Read(header[read..]);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            Start(header[..read]);
        }

        return _empty ? 0 : _decoder!.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_decoder is null)
        {
            var header = new byte[2];
            var read = 0;
            while (read < 2)
            {
                var n = await Inner.ReadAsync(header.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            Start(header.AsSpan(0, read));
        }

        return _empty ? 0 : await _decoder!.ReadAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Start(ReadOnlySpan<byte> header)
    {
        if (header.Length == 0)
        {
            _empty = true;
            _decoder = Stream.Null;
            return;
        }

        var source = new PrefixedStream(header.ToArray(), Inner);
        var zlib = header.Length == 2 && (header[0] & 0x0F) == 8 && (header[0] >> 4) <= 7 && ((header[0] << 8) | header[1]) % 31 == 0;
        _decoder = zlib
            ? new ZLibStream(source, CompressionMode.Decompress, leaveOpen: true)
            : new DeflateStream(source, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Replays the bytes read to sniff the header, then reads on from the source.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream source) : ReadOnlyStreamWrapper(source)
    {
        private int _offset;

        public override int Read(Span<byte> buffer)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsSpan(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }

            return Inner.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _offset < prefix.Length ? ValueTask.FromResult(Read(buffer.Span)) : Inner.ReadAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            // The outer stream owns the source.
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
