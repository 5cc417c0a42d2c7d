namespace Herald.Client.Internal;

/// <summary>
/// Copies the first bytes of a body as it passes (up to a limit) and counts all of them: the tee behind body logging
/// and saved requests. It grows its buffer as bytes come, so a short body costs a short buffer.
/// </summary>
internal sealed class BodyCapture(int limit) : IContentObserver
{
    private byte[] _data = [];
    private int _count;
    private int _completed;

    /// <summary>Gets the bytes seen so far.</summary>
    public long Total { get; private set; }

    /// <summary>Gets whether the whole body has passed.</summary>
    public bool Completed => Volatile.Read(ref _completed) != 0;

    /// <summary>Gets the captured start of the body.</summary>
    public ReadOnlyMemory<byte> Captured => _data.AsMemory(0, _count);

    /// <summary>Raised once, when the body has passed completely.</summary>
    public Action<BodyCapture>? Done { get; init; }

    public void OnBytes(ReadOnlySpan<byte> chunk)
    {
        Total += chunk.Length;
        var take = Math.Min(chunk.Length, limit - _count);
        if (take <= 0)
        {
            return;
        }

        if (_count + take > _data.Length)
        {
            Array.Resize(ref _data, Math.Min(limit, Math.Max(_count + take, Math.Max(256, _data.Length * 2))));
        }

        chunk[..take].CopyTo(_data.AsSpan(_count));
        _count += take;
    }

    public void OnCompleted()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            Done?.Invoke(this);
        }
    }
}
