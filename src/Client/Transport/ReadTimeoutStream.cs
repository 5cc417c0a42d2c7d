namespace Herald.Client.Internal;

/// <summary>
/// Fails a read of the response body that gets no bytes within the read timeout. The timer aborts the connection by
/// disposing the inner stream, which ends a pending read (sync or async) on every HTTP version; the failure is then
/// reported as the <see cref="TimeoutException"/> it is.
/// </summary>
internal sealed class ReadTimeoutStream : ReadOnlyStreamWrapper
{
    private readonly TimeSpan _timeout;
    private readonly string _authority;
    private readonly ITimer _timer;
    private volatile bool _timedOut;

    public ReadTimeoutStream(Stream inner, TimeSpan timeout, TimeProvider time, string authority)
        : base(inner)
    {
        _timeout = timeout;
        _authority = authority;
        _timer = time.CreateTimer(static s => ((ReadTimeoutStream)s!).OnTimeout(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override int Read(Span<byte> buffer)
    {
        ThrowIfTimedOut();
        _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
        try
        {
            return Inner.Read(buffer);
        }
        catch (Exception ex) when (_timedOut)
        {
            throw TimedOut(ex);
        }
        finally
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfTimedOut();
        _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
        try
        {
            return await Inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (_timedOut && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(ex);
        }
        finally
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await base.DisposeAsync();
    }

    private void OnTimeout()
    {
        _timedOut = true;
        Inner.Dispose();
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
