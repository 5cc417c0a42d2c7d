using System.Net;

namespace Herald.Client.Internal;

/// <summary>
/// Wraps a body that can be read only once (a stream) so that it can be sent again (a <c>307</c>/<c>308</c>, a retry
/// after a bearer refresh): while the body streams to the server, a copy of up to a limit is kept. Streaming stays
/// streaming (nothing is read ahead); only a body that fits the limit can be replayed. See <see cref="BodyReplay"/>.
/// </summary>
internal sealed class ReplayableContent : HttpContent, IContentObserver
{
    private readonly HttpContent _inner;
    private readonly long _limit;
    private MemoryStream? _copy;
    private bool _started;
    private bool _complete;
    private bool _overflowed;

    /// <param name="inner">The read-once body.</param>
    /// <param name="limit">The most bytes kept; at most <see cref="Array.MaxLength"/> (checked when the client is built).</param>
    public ReplayableContent(HttpContent inner, long limit)
    {
        _inner = inner;
        _limit = limit;
        foreach (var header in inner.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        // Reading ContentLength asks the inner content to compute it; unknown stays unknown (chunked).
        if (inner.Headers.ContentLength is long length)
        {
            Headers.ContentLength = length;
            _overflowed = length > limit;
        }
    }

    /// <summary>Gets whether the whole body was sent once and kept, so it can be sent again.</summary>
    public bool CanReplay => _complete;

    /// <summary>
    /// Gets whether sending has begun. One that has not (the connection was refused before the body was read) can still
    /// be sent once, whether or not a copy will fit.
    /// </summary>
    public bool HasStarted => Volatile.Read(ref _started);

    /// <summary>Gets the limit the copy was kept under, for error messages.</summary>
    public long Limit => _limit;

    /// <summary>Gets the read-once body this copy is kept of.</summary>
    public HttpContent Inner => _inner;

    /// <summary>Keeps a copy of each chunk sent, until the copy would pass the limit.</summary>
    public void OnBytes(ReadOnlySpan<byte> data)
    {
        if (_overflowed)
        {
            return;
        }

        if ((_copy?.Length ?? 0) + data.Length > _limit)
        {
            _overflowed = true;
            _copy = null;
            return;
        }

        _copy ??= new MemoryStream(Headers.ContentLength is long known ? (int)Math.Min(known, _limit) : 0);
        _copy.Write(data);
    }

    /// <summary>Nothing to do: whether the copy is whole is decided when the inner content finishes copying.</summary>
    public void OnCompleted()
    {
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_complete)
        {
            if (_copy is not null)
            {
                await stream.WriteAsync(_copy.GetBuffer().AsMemory(0, (int)_copy.Length), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        StartOnce();
        await _inner.CopyToAsync(new ObservingWriteStream(stream, this), context, cancellationToken).ConfigureAwait(false);
        _complete = !_overflowed;
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_complete)
        {
            if (_copy is not null)
            {
                stream.Write(_copy.GetBuffer().AsSpan(0, (int)_copy.Length));
            }

            return;
        }

        StartOnce();
        _inner.CopyTo(new ObservingWriteStream(stream, this), context, cancellationToken);
        _complete = !_overflowed;
    }

    protected override bool TryComputeLength(out long length)
    {
        // The constructor sets Content-Length whenever the inner content knows it; otherwise the body is chunked.
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _copy = null;
        }

        base.Dispose(disposing);
    }

    private void StartOnce()
    {
        if (_started)
        {
            throw new InvalidOperationException(
                "The request body is a stream that can be read once only and no whole copy of it was kept (it is larger "
                + $"than HeraldClientOptions.MaxReplayBufferBytes, {_limit} bytes, or was not sent in full), so it cannot be sent again.");
        }

        Volatile.Write(ref _started, true);
    }
}
