namespace Herald.Client.Internal;

/// <summary>
/// Counts the bytes of one transfer and calls the progress callbacks, throttled: a chunk is reported once
/// <see cref="ProgressOptions.ReportEveryBytes"/> have passed or <see cref="ProgressOptions.ReportInterval"/> has gone
/// by since the last report, and the end of the body always is. One transfer is read or written by one thread at a
/// time, so nothing here is locked.
/// </summary>
internal sealed class ProgressReporter : IContentObserver
{
    private readonly Action<TransferProgress>? _client;
    private readonly Action<TransferProgress>? _request;
    private readonly long? _total;
    private readonly long _step;
    private readonly long _intervalTimestamps;
    private readonly TimeProvider _time;
    private long _bytes;
    private long _reportedBytes;
    private long _reportedAt;
    private bool _completed;

    public ProgressReporter(
        Action<TransferProgress>? client, Action<TransferProgress>? request, long? total, long step, long intervalTimestamps, TimeProvider time)
    {
        _client = client;
        _request = request;
        _total = total;
        _step = step;
        _intervalTimestamps = intervalTimestamps;
        _time = time;
        _reportedAt = time.GetTimestamp();
    }

    /// <summary>Ends the transfer with the final report, once.</summary>
    public void OnCompleted()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        Report(new TransferProgress(_bytes, _total, isCompleted: true));
    }

    /// <summary>Counts a chunk of a request body as the transport writes it.</summary>
    public void OnBytes(ReadOnlySpan<byte> chunk) => Add(chunk.Length);

    /// <summary>Counts <paramref name="count"/> more bytes; reaching a known total completes the transfer.</summary>
    public void Add(int count)
    {
        if (count <= 0 || _completed)
        {
            return;
        }

        _bytes += count;
        if (_total is { } total && _bytes >= total)
        {
            OnCompleted();
            return;
        }

        var now = _time.GetTimestamp();
        if (_bytes - _reportedBytes >= _step || now - _reportedAt >= _intervalTimestamps)
        {
            _reportedBytes = _bytes;
            _reportedAt = now;
            Report(new TransferProgress(_bytes, _total, isCompleted: false));
        }
    }

    private void Report(TransferProgress progress)
    {
        _client?.Invoke(progress);
        _request?.Invoke(progress);
    }
}
