using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// A response body whose first bytes were already read (by the cache, to see whether the body fits in an entry) and
/// whose rest is still on the connection: it hands out the prefix, then streams the rest. Owns the original content.
/// </summary>
internal sealed class PrefixedContent : HttpContent
{
    private readonly HttpContent _original;
    private readonly Stream _rest;
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private bool _handedOut;

    public PrefixedContent(HttpContent original, Stream rest, byte[] prefix, int prefixLength)
    {
        _original = original;
        _rest = rest;
        _prefix = prefix;
        _prefixLength = prefixLength;
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(name, values);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(HandOut());

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(HandOut());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => HandOut();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = HandOut();
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        var known = _original.Headers.ContentLength;
        length = known ?? 0;
        return known.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
            _original.Dispose();
        }

        base.Dispose(disposing);
    }

    private Stream HandOut()
    {
        // The rest of the body is on the connection and can be read once only.
        if (_handedOut)
        {
            throw new InvalidOperationException("The response body was already read; it is streamed and can be read once only.");
        }

        _handedOut = true;
        return new PrefixedStream(_prefix, _prefixLength, _rest);
    }

    private sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : ReadOnlyStreamWrapper(rest)
    {
        private int _position;

        public override int Read(Span<byte> buffer) => _position < prefixLength ? CopyPrefix(buffer) : Inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _position < prefixLength ? ValueTask.FromResult(CopyPrefix(buffer.Span)) : Inner.ReadAsync(buffer, cancellationToken);

        private int CopyPrefix(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
