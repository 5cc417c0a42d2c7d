using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// Stands in for a request body while the transport sends it, counting it through a <see cref="ProgressWriteStream"/>.
/// It never disposes the body it wraps: <see cref="ProgressHandler"/> puts the original back after the hop.
/// </summary>
internal sealed class ProgressRequestContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly ProgressReporter _reporter;

    public ProgressRequestContent(HttpContent inner, ProgressReporter reporter)
    {
        _inner = inner;
        _reporter = reporter;
        foreach (var header in inner.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await _inner.CopyToAsync(new ProgressWriteStream(stream, _reporter), context, cancellationToken).ConfigureAwait(false);
        _reporter.OnCompleted();
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _inner.CopyTo(new ProgressWriteStream(stream, _reporter), context, cancellationToken);
        _reporter.OnCompleted();
    }

    protected override bool TryComputeLength(out long length)
    {
        var known = _inner.Headers.ContentLength;
        length = known ?? 0;
        return known.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        // The caller owns the inner content; see the summary.
    }
}
