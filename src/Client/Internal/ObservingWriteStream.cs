namespace Herald.Client.Internal;

/// <summary>
/// A write-only stream that passes every write on to <c>target</c> and shows each chunk to an
/// <see cref="IContentObserver"/>: how a request body is copied for a redirect's replay, logged, timed or counted for
/// progress while it streams, without being read twice or buffered whole.
/// </summary>
/// <remarks>
/// A write larger than <c>maxChunk</c> (a byte-array body goes in one) is passed on in slices, each awaited before the
/// next, so that an observer counting progress follows the connection instead of jumping from nothing to done.
/// </remarks>
internal sealed class ObservingWriteStream(Stream target, IContentObserver observer, int maxChunk = int.MaxValue) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var slice = buffer[..Math.Min(maxChunk, buffer.Length)];
            target.Write(slice);
            observer.OnBytes(slice);
            buffer = buffer[slice.Length..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var slice = buffer[..Math.Min(maxChunk, buffer.Length)];
            await target.WriteAsync(slice, cancellationToken).ConfigureAwait(false);
            observer.OnBytes(slice.Span);
            buffer = buffer[slice.Length..];
        }
    }

    public override void Flush() => target.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => target.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
