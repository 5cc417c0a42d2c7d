using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// Stands in for a request body while the transport writes it, reporting each chunk to an observer (a tee for
/// logging, progress for the read timeout, upload progress) so that a stream body is never read twice or buffered whole.
/// </summary>
/// <remarks>
/// It never disposes the body it wraps: handlers put the original back on the request after the hop, so redirects and
/// retries above see the caller's content.
/// </remarks>
internal sealed class ObservedRequestContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly IContentObserver _observer;
    private readonly int _maxChunk;

    public ObservedRequestContent(HttpContent inner, IContentObserver observer, int maxChunk = int.MaxValue)
    {
        _inner = inner;
        _observer = observer;
        _maxChunk = maxChunk;
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
        await _inner.CopyToAsync(new ObservingWriteStream(stream, _observer, _maxChunk), context, cancellationToken).ConfigureAwait(false);
        _observer.OnCompleted();
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _inner.CopyTo(new ObservingWriteStream(stream, _observer, _maxChunk), context, cancellationToken);
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
}
