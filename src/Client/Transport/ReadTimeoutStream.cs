namespace Herald.Client.Internal;

/// <summary>
/// Fails a read of the response body that gets no bytes within the read timeout, with a
/// <see cref="TimeoutException"/> that names the option. Only time spent waiting on the server counts: the deadline is
/// armed when a read starts and disarmed when it returns.
/// </summary>
/// <remarks>
/// An async read is cancelled through its token, which makes the transport abort the connection at once. A sync read
/// has no token, so the deadline disposes the inner stream instead; on HTTP/1.1 the transport first tries to drain the
/// rest of the body, so that read fails after <see cref="SocketsHttpHandler.ResponseDrainTimeout"/> more.
/// </remarks>
internal sealed class ReadTimeoutStream : ReadOnlyStreamWrapper
{
    private readonly TimeSpan _timeout;
    private readonly string _authority;
    private readonly CancellationTokenSource _deadline;
    private volatile bool _timedOut;

    public ReadTimeoutStream(Stream inner, TimeSpan timeout, TimeProvider time, string authority)
        : base(inner)
    {
        _timeout = timeout;
        _authority = authority;
        _deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    public override int Read(Span<byte> buffer)
    {
        ThrowIfTimedOut();
        using var abort = _deadline.Token.UnsafeRegister(static s => ((Stream)s!).Dispose(), Inner);
        _deadline.CancelAfter(_timeout);
        try
        {
            return Inner.Read(buffer);
        }
        catch (Exception ex) when (_deadline.IsCancellationRequested)
        {
            _timedOut = true;
            throw TimedOut(ex);
        }
        finally
        {
            Disarm();
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfTimedOut();
        using var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _deadline)
            : default;
        _deadline.CancelAfter(_timeout);
        try
        {
            return await Inner.ReadAsync(buffer, _deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _timedOut = true;
            throw TimedOut(ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own cancellation against the caller's token.
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            Disarm();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deadline.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        _deadline.Dispose();
        return base.DisposeAsync();
    }

    private void Disarm()
    {
        if (!_deadline.IsCancellationRequested)
        {
            _deadline.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    private void ThrowIfTimedOut()
    {
        if (_timedOut)
        {
            throw TimedOut(null);
        }
    }

    private TimeoutException TimedOut(Exception? inner) => new(
        $"The response body from {_authority} stalled: no bytes arrived within {_timeout.TotalSeconds:0.###} s (TransportOptions.ReadTimeout). Raise ReadTimeout for slow servers, or per request with request.ReadTimeout(...).",
        inner);
}
