using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// A response body seen through a stream wrapper (decoding, read timeout, logging tee), streamed on demand and never
/// buffered by the wrapper itself. It owns and disposes the body it wraps.
/// </summary>
internal abstract class WrappedResponseContent : HttpContent
{
    private readonly bool _sameBytes;

    /// <param name="inner">The body to wrap.</param>
    /// <param name="sameBytes">
    /// <see langword="true"/> when the wrapper passes the bytes through unchanged, so <c>Content-Length</c> and
    /// <c>Content-Encoding</c> still hold; <see langword="false"/> when it changes them (decoding), so both are dropped.
    /// </param>
    protected WrappedResponseContent(HttpContent inner, bool sameBytes)
    {
        Inner = inner;
        _sameBytes = sameBytes;
        foreach (var header in inner.Headers.NonValidated)
        {
            if (!sameBytes
                && (string.Equals(header.Key, "Content-Encoding", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Gets the wrapped body.</summary>
    protected HttpContent Inner { get; }

    /// <summary>Wraps the inner body's stream; called once per read of this body.</summary>
    protected abstract Stream Wrap(Stream inner);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        Wrap(await Inner.ReadAsStreamAsync(cancellationToken));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        Wrap(Inner.ReadAsStream(cancellationToken));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken);
        await source.CopyToAsync(stream, cancellationToken);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var source = CreateContentReadStream(cancellationToken);
        source.CopyTo(stream);
    }

    protected override bool TryComputeLength(out long length)
    {
        var known = _sameBytes ? Inner.Headers.ContentLength : null;
        length = known ?? 0;
        return known.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
