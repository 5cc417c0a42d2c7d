namespace Herald.Client.Internal;

/// <summary>
/// Reports the bytes the caller reads from a response body to an observer; the end of the body (or the caller
/// disposing the stream first) completes the observer once.
/// </summary>
internal sealed class TeeReadStream(Stream inner, IContentObserver observer) : ReadOnlyStreamWrapper(inner)
{
    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            observer.OnCompleted();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        observer.OnCompleted();
        return base.DisposeAsync();
    }

    private void Observe(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length == 0)
        {
            observer.OnCompleted();
        }
        else
        {
            observer.OnBytes(chunk);
        }
    }
}
