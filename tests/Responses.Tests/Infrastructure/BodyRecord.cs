namespace Herald.Responses.Tests.Infrastructure;

/// <summary>What one request's handler sent into the response body, above the server (see <see cref="BodyRecorder"/>).</summary>
public sealed class BodyRecord(string method, string path)
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _flushWaited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesWritten;
    private long _unflushed;
    private long _maxUnflushed;
    private int _sendFileCalls;

    public string Method { get; } = method;

    public string Path { get; } = path;

    /// <summary>Bytes written through the body's stream or pipe (not counting <c>SendFileAsync</c>).</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Calls to <c>IHttpResponseBodyFeature.SendFileAsync</c>.</summary>
    public int SendFileCalls => Volatile.Read(ref _sendFileCalls);

    /// <summary>The most bytes the handler ever had in the pipe without flushing them: what the server had to hold.</summary>
    public long MaxUnflushedBytes => Interlocked.Read(ref _maxUnflushed);

    /// <summary>Completes when the request's pipeline has returned.</summary>
    public Task Completed => _completed.Task;

    /// <summary>
    /// Completes the first time a flush could not finish at once because the client was not reading: the handler is
    /// then waiting on the connection's back-pressure instead of buffering.
    /// </summary>
    public Task FlushWaited => _flushWaited.Task;

    internal void Wrote(long count)
    {
        Interlocked.Add(ref _bytesWritten, count);
    }

    internal void Advanced(long count)
    {
        Wrote(count);
        var unflushed = Interlocked.Add(ref _unflushed, count);
        long max;
        while (unflushed > (max = Interlocked.Read(ref _maxUnflushed))
               && Interlocked.CompareExchange(ref _maxUnflushed, unflushed, max) != max)
        {
        }
    }

    internal void Flushing(bool waits)
    {
        Interlocked.Exchange(ref _unflushed, 0);
        if (waits)
        {
            _flushWaited.TrySetResult();
        }
    }

    internal void SentFile() => Interlocked.Increment(ref _sendFileCalls);

    internal void Complete() => _completed.TrySetResult();
}
