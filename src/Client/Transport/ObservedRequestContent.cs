using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// Stands in for a request body while the transport writes it, reporting each chunk to an observer (a tee for
/// logging, progress for the read timeout) so that a stream body is never read twice or buffered whole.
/// </summary>
/// <remarks>
/// It never disposes the body it wraps: handlers put the original back on the request after the hop, so redirects and
/// retries above see the caller's content.
/// </remarks>
internal sealed class ObservedRequestContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly IContentObserver _observer;

    public ObservedRequestContent(HttpContent inner, IContentObserver observer)
    {
        _inner = inner;
        _observer = observer;
        foreach (var header in inner.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Gets the body this one stands in for.</summary>
    public HttpContent Inner => _inner;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await _inner.CopyToAsync(new ObservingWriteStream(stream, _observer), context, cancellationToken);
        _observer.OnCompleted();
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _inner.CopyTo(new ObservingWriteStream(stream, _observer), context, cancellationToken);
        _observer.OnCompleted();
    }

    protected override bool TryComputeLength(out long length)
    {
        var known = _inner.Headers.ContentLength;
        length = known ?? 0;
        return known.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        // The caller owns the inner content; see the remarks.
    }

    private sealed class ObservingWriteStream(Stream target, IContentObserver observer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            target.Write(buffer);
            observer.OnBytes(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await target.WriteAsync(buffer, cancellationToken);
            observer.OnBytes(buffer.Span);
        }

        public override void Flush() => target.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => target.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
